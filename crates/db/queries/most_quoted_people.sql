-- Most-quoted people: quotes whose speaker resolved to a person, by name.
SELECT p.name, count(*) AS quotes, count(DISTINCT q.article_id) AS articles
FROM quotes q
JOIN people p ON p.article_id = q.article_id AND p.id = q.speaker_person_id
GROUP BY p.name
ORDER BY quotes DESC, p.name
LIMIT 20
