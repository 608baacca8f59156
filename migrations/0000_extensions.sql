-- pg_trgm gives typo-tolerant matching and the trigram indexes; drizzle-kit never writes CREATE EXTENSION.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
