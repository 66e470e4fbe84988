-- 90-review.sql — review metadata, applied after every content file
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Runs last (see rules_sql in data/meson.build), so content files never need
-- to repeat these columns.
--
-- rule.reviewed: the date each rule row was last reviewed (ISO). Release rows
-- take the release's content_date. A row added later (an institution's local
-- SQL file, applied after this one) gets '' and the library refuses the
-- database until that row states its own review date.
ALTER TABLE rule ADD COLUMN reviewed TEXT NOT NULL DEFAULT '';
UPDATE rule SET reviewed = (SELECT value FROM meta WHERE key = 'content_date');

-- source.local: 0 for the Titrate release's sources; every source added after
-- this file (an institution's own keys) is local by default, and an alert
-- from a rule citing one says "(local rule)" in its source.
ALTER TABLE source ADD COLUMN local INTEGER NOT NULL DEFAULT 1 CHECK (local IN (0, 1));
UPDATE source SET local = 0;

-- meta.review_by: after this date the app and titrate-cli warn (they do not
-- block) that the content is due for review. One year after content_date:
-- a design choice, not a published limit. An institution sets its own.
INSERT INTO meta (key, value)
  SELECT 'review_by', date (value, '+1 year') FROM meta WHERE key = 'content_date';
