package uz.aurelle.common.error;

import io.quarkus.logging.Log;
import java.io.PrintWriter;
import java.io.StringWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import uz.aurelle.common.http.RequestContext;
import uz.aurelle.common.sentry.ErrorReporter;
import uz.aurelle.common.sentry.PiiScrubber;

/**
 * The 500 path: log the full exception with the request id, report it, and answer a problem that
 * carries only the request id: no stack trace, no exception message, no internals.
 */
@ApplicationScoped
public class UnexpectedErrors {

    private final Problems problems;
    private final ErrorReporter reporter;

    public UnexpectedErrors(Problems problems, ErrorReporter reporter) {
        this.problems = problems;
        this.reporter = reporter;
    }

    public Response render(Throwable e, Locale locale) {
        report(e);
        return problems.response(500, "internal_error", null, null, null, locale);
    }

    public void report(Throwable e) {
        // Exception messages may quote user input (cards, phones, passwords): log them scrubbed.
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        Log.errorf("Unhandled exception for request %s: %s", RequestContext.requestId(), PiiScrubber.text(trace.toString()));
        reporter.captureUnhandled(e);
    }
}
