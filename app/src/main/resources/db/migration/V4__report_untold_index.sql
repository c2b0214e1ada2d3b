-- Every few seconds each instance reads which conversations have untold status changes (instead of asking at every
-- message): an index that leads with citizen_told serves that read without scanning every report.
CREATE INDEX report_untold_changes ON report (citizen_told, conversation_key);
