ALTER TABLE "applications" ADD COLUMN "source_kind" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "source_ref" text;