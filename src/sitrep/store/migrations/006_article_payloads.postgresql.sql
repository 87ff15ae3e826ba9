ALTER TABLE article_payloads ADD PRIMARY KEY (article_id, part, seq)
