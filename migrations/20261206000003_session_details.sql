-- What people see of their sessions on /profilo (the browser's user agent, the network address
-- shortened to its /24 or /48), and how each began: a login by link in the last 10 minutes lets
-- a person set a password without typing the current one.
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN network TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN method TEXT NOT NULL DEFAULT 'password';
