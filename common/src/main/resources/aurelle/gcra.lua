-- GCRA rate limit, atomic in Redis. KEYS[1] = bucket key; ARGV[1] = emission interval (ms),
-- ARGV[2] = window (ms) = emission * limit. Redis' own clock, so every pod sees the same time.
-- Returns {allowed (1/0), remaining, retry_after_ms, reset_ms}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local emission = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]))
if not tat or tat < now then
  tat = now
end
local new_tat = tat + emission
local allow_at = new_tat - window
if now < allow_at then
  return {0, 0, allow_at - now, tat - now}
end
redis.call('SET', KEYS[1], new_tat, 'PX', new_tat - now)
return {1, math.floor((window - (new_tat - now)) / emission), 0, new_tat - now}
