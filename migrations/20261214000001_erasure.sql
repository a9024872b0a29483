-- Erasure: an erased account is named "Persona cancellata" wherever what it wrote is shown (the
-- board reads authors' names from the accounts, see db/board/authors.rs).
UPDATE people SET first_name = 'Persona', last_name = 'cancellata' WHERE deleted_at IS NOT NULL;
