-- Who deleted a review: an author's deletion followed by a new review is an edit (allowed inside
-- the 24 h edit window of the first review); an admin's deletion is final for the author.
ALTER TABLE review ADD COLUMN deleted_by varchar(16) CHECK (deleted_by IN ('AUTHOR', 'ADMIN'));
