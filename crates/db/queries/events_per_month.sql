-- Events per month and type (month: the event's own date, else the article's).
SELECT month, event_type, count(*) AS events
FROM events
WHERE month IS NOT NULL
GROUP BY month, event_type
ORDER BY month, events DESC, event_type
