-- 13-withdrawal-signs.sql — Titrate rules content: the warning signs the
-- patient handout lists under "Do not stop … suddenly"
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Counselling rows of their own section: the handout draws them in its
-- warning box, not under "Things to know". One row per sign, in order; the
-- topic is the line that introduces the list. Keyed by medicine and route
-- like every counselling row; the database is refused at open when a
-- medicine has none for a route.
--
-- Oral: abrupt stops have caused hallucinations, seizures, fever, altered
-- mental status and rebound spasticity (baclofen.md §4, US-TAB, OZO, LYV [L]).
-- Intrathecal: early signs are returning spasticity, pruritus, hypotension
-- and paraesthesias (GAB §5.5 [L]): help the same day; high fever and
-- altered mental status (boxed warning, LIO-IT, GAB [L]) can herald a
-- life-threatening withdrawal: help straight away, as the pump card says.
-- A row whose topic differs from the one before starts a new list.

ALTER TABLE counselling ADD COLUMN section TEXT NOT NULL DEFAULT 'point'
  CHECK (section IN ('point', 'withdrawal_sign'));

INSERT INTO counselling (medicine, id, topic, route, population, text, source, section) VALUES
  ('baclofen', 101, 'Get medical help straight away if you:', 'oral', NULL,
   'see or hear things that are not there', 'US-TAB; OZO; LYV', 'withdrawal_sign'),
  ('baclofen', 102, 'Get medical help straight away if you:', 'oral', NULL,
   'have a fit (seizure)', 'US-TAB; OZO; LYV', 'withdrawal_sign'),
  ('baclofen', 103, 'Get medical help straight away if you:', 'oral', NULL,
   'have a high temperature', 'US-TAB; OZO; LYV', 'withdrawal_sign'),
  ('baclofen', 104, 'Get medical help straight away if you:', 'oral', NULL,
   'feel very confused or not yourself', 'US-TAB; OZO; LYV', 'withdrawal_sign'),
  ('baclofen', 105, 'Get medical help straight away if you:', 'oral', NULL,
   'have muscles that are much stiffer than usual', 'US-TAB; OZO; LYV', 'withdrawal_sign'),
  ('baclofen', 111, 'Get medical help the same day if you:', 'intrathecal', NULL,
   'have muscles getting stiffer again', 'GAB §5.5', 'withdrawal_sign'),
  ('baclofen', 112, 'Get medical help the same day if you:', 'intrathecal', NULL,
   'feel itchy, or have pins and needles', 'GAB §5.5', 'withdrawal_sign'),
  ('baclofen', 113, 'Get medical help the same day if you:', 'intrathecal', NULL,
   'feel faint or dizzy', 'GAB §5.5', 'withdrawal_sign'),
  ('baclofen', 114, 'Get medical help straight away if you:', 'intrathecal', NULL,
   'have a high temperature', 'LIO-IT; GAB', 'withdrawal_sign'),
  ('baclofen', 115, 'Get medical help straight away if you:', 'intrathecal', NULL,
   'feel confused or not yourself', 'LIO-IT; GAB', 'withdrawal_sign');
