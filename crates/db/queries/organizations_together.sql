-- Organizations that appear together: pairs named in the same article.
SELECT a.name AS organization, b.name AS other, count(DISTINCT a.article_id) AS articles
FROM organizations a
JOIN organizations b ON b.article_id = a.article_id AND a.name < b.name
GROUP BY a.name, b.name
ORDER BY articles DESC, a.name, b.name
LIMIT 20
