-- People killed and injured, when the text counts them (ACLED `fatalities`): per report
-- as its article tells it, and per merged event the most conservative count its reports
-- give (ACLED's rule where reports differ). Events stored before this migration have
-- none: the ACLED export gives them 0 and tags them "fatalities not reported".

ALTER TABLE event_reports ADD COLUMN fatalities INTEGER
;
ALTER TABLE event_reports ADD COLUMN injured INTEGER
;
ALTER TABLE situation_events ADD COLUMN fatalities INTEGER
;
ALTER TABLE situation_events ADD COLUMN injured INTEGER
