-- Units look up participants and questions only by value (=, IN, joins), never by NULL, and
-- most units hold NULL in one of the two: interviewer turns have no participant, and no
-- interview or document unit has a question. Indexing only the rows that hold a value keeps
-- the indexes smaller and spares every imported turn an index entry or two. A comparison on
-- the column implies it is not NULL, so the same queries (and foreign-key checks) use them.

DROP INDEX units_by_participant;
CREATE INDEX units_by_participant ON units (participant_id) WHERE participant_id IS NOT NULL;

DROP INDEX units_by_question;
CREATE INDEX units_by_question ON units (question_id) WHERE question_id IS NOT NULL;
