CREATE TABLE "live_announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_applications" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"after_end" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_group_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"author_role" text NOT NULL,
	"text" text NOT NULL,
	"reply_to" uuid,
	"status" text DEFAULT 'visible' NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"removed_by" uuid,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_group_sanctions" (
	"session_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"until" timestamp with time zone,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "live_group_sanctions_session_id_account_id_pk" PRIMARY KEY("session_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "live_job_opens" (
	"session_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"viewer_key" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "live_job_opens_session_id_job_id_viewer_key_pk" PRIMARY KEY("session_id","job_id","viewer_key")
);
--> statement-breakpoint
CREATE TABLE "live_message_reports" (
	"message_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "live_message_reports_message_id_account_id_pk" PRIMARY KEY("message_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "live_segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"employer_id" uuid,
	"job_id" uuid,
	"planned_minutes" integer,
	"started_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "live_session_employers" (
	"session_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "live_session_employers_session_id_employer_id_pk" PRIMARY KEY("session_id","employer_id")
);
--> statement-breakpoint
CREATE TABLE "live_session_jobs" (
	"session_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "live_session_jobs_session_id_job_id_pk" PRIMARY KEY("session_id","job_id")
);
--> statement-breakpoint
CREATE TABLE "live_session_organisers" (
	"session_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"org_name" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "live_session_organisers_session_id_org_id_pk" PRIMARY KEY("session_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "live_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"scheduled_start" timestamp with time zone NOT NULL,
	"scheduled_end" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"stream_kind" text,
	"stream_url" text,
	"replay_url" text,
	"zone_id" uuid,
	"current_segment_id" uuid,
	"pinned_job_id" uuid,
	"pinned_at" timestamp with time zone,
	"likes" bigint DEFAULT 0 NOT NULL,
	"peak_viewers" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_viewers" (
	"session_id" uuid NOT NULL,
	"viewer_key" text NOT NULL,
	"account_id" uuid,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	CONSTRAINT "live_viewers_session_id_viewer_key_pk" PRIMARY KEY("session_id","viewer_key")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"respondent_key" text NOT NULL,
	"account_id" uuid,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"target_type" text,
	"target_id" text,
	"status" text DEFAULT 'open' NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "live_announcements" ADD CONSTRAINT "live_announcements_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_applications" ADD CONSTRAINT "live_applications_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_group_messages" ADD CONSTRAINT "live_group_messages_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_group_sanctions" ADD CONSTRAINT "live_group_sanctions_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_job_opens" ADD CONSTRAINT "live_job_opens_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_message_reports" ADD CONSTRAINT "live_message_reports_message_id_live_group_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."live_group_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_segments" ADD CONSTRAINT "live_segments_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session_employers" ADD CONSTRAINT "live_session_employers_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session_jobs" ADD CONSTRAINT "live_session_jobs_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session_organisers" ADD CONSTRAINT "live_session_organisers_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_viewers" ADD CONSTRAINT "live_viewers_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_announcements_session_idx" ON "live_announcements" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "live_applications_session_idx" ON "live_applications" USING btree ("session_id","job_id");--> statement-breakpoint
CREATE INDEX "live_group_messages_session_idx" ON "live_group_messages" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "live_group_messages_author_idx" ON "live_group_messages" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "live_segments_session_idx" ON "live_segments" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "live_session_organisers_path_idx" ON "live_session_organisers" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "live_sessions_status_idx" ON "live_sessions" USING btree ("status","scheduled_start");--> statement-breakpoint
CREATE INDEX "live_sessions_org_path_idx" ON "live_sessions" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "live_viewers_last_seen_idx" ON "live_viewers" USING btree ("session_id","last_seen");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_one_per_person_idx" ON "survey_responses" USING btree ("survey_id","respondent_key");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id","created_at");--> statement-breakpoint
CREATE INDEX "surveys_target_idx" ON "surveys" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "surveys_org_path_idx" ON "surveys" USING btree ("org_path");