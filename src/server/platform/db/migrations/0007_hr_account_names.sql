ALTER TABLE "employer_accounts" ADD COLUMN "username" text;--> statement-breakpoint
ALTER TABLE "employer_accounts" ADD COLUMN "display_name" text;--> statement-breakpoint
-- Links made before this migration take the names the accounts have now.
UPDATE "employer_accounts" AS ea SET "username" = a."username", "display_name" = a."display_name" FROM "accounts" AS a WHERE a."id" = ea."account_id";
