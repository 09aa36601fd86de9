CREATE TABLE "benefit_idempotency_keys" (
	"account_id" uuid NOT NULL,
	"key" text NOT NULL,
	"scope" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benefit_idempotency_keys_account_id_key_pk" PRIMARY KEY("account_id","key")
);
--> statement-breakpoint
CREATE TABLE "benefit_merchant_accounts" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"outlet_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_merchants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"credit_code" text NOT NULL,
	"category" text NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"contract_start" date NOT NULL,
	"contract_end" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"plaque_no" text NOT NULL,
	"verify_token" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_outlets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recuperation_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"departure_id" uuid NOT NULL,
	"route_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"member_name" text NOT NULL,
	"account_id" uuid,
	"applied_by" uuid,
	"member_org_path" text NOT NULL,
	"tier" integer NOT NULL,
	"membership_years" integer NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"draw_order" integer,
	"waitlist_rank" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recuperation_departures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"route_id" uuid NOT NULL,
	"depart_date" date NOT NULL,
	"places" integer NOT NULL,
	"apply_starts_at" timestamp with time zone NOT NULL,
	"apply_ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"seed" text,
	"drawn_at" timestamp with time zone,
	"drawn_by" uuid,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recuperation_departures_places_check" CHECK ("recuperation_departures"."places" >= 1)
);
--> statement-breakpoint
CREATE TABLE "recuperation_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"region" text NOT NULL,
	"summary" text,
	"itinerary" jsonb NOT NULL,
	"days" integer NOT NULL,
	"cost_fen" integer NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"eligibility" jsonb NOT NULL,
	"priorities" jsonb NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voucher_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"face_value_fen" integer NOT NULL,
	"threshold_fen" integer DEFAULT 0 NOT NULL,
	"total_count" integer NOT NULL,
	"remaining" integer NOT NULL,
	"per_member_limit" integer DEFAULT 1 NOT NULL,
	"claim_starts_at" timestamp with time zone NOT NULL,
	"claim_ends_at" timestamp with time zone NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"eligibility" jsonb NOT NULL,
	"accept_merchant_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"accept_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"reversal_window_minutes" integer DEFAULT 1440 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"rejected_reason" text,
	"closed_at" timestamp with time zone,
	"returned_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_campaigns_remaining_check" CHECK ("voucher_campaigns"."remaining" >= 0 and "voucher_campaigns"."remaining" <= "voucher_campaigns"."total_count"),
	CONSTRAINT "voucher_campaigns_values_check" CHECK ("voucher_campaigns"."face_value_fen" > 0 and "voucher_campaigns"."threshold_fen" >= 0 and "voucher_campaigns"."per_member_limit" >= 1)
);
--> statement-breakpoint
CREATE TABLE "voucher_claim_counts" (
	"campaign_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"claimed" integer NOT NULL,
	CONSTRAINT "voucher_claim_counts_campaign_id_member_id_pk" PRIMARY KEY("campaign_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "voucher_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"voucher_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_account_id" uuid,
	"merchant_id" uuid,
	"outlet_id" uuid,
	"redemption_id" uuid,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "voucher_redemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"voucher_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"merchant_id" uuid NOT NULL,
	"outlet_id" uuid,
	"cashier_account_id" uuid NOT NULL,
	"order_amount_fen" integer NOT NULL,
	"discount_fen" integer NOT NULL,
	"redeemed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'completed' NOT NULL,
	"reversed_at" timestamp with time zone,
	"reversed_by" uuid,
	"reverse_reason" text
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"no" bigserial NOT NULL,
	"campaign_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"account_id" uuid,
	"member_org_id" uuid NOT NULL,
	"member_org_path" text NOT NULL,
	"seq" integer NOT NULL,
	"face_value_fen" integer NOT NULL,
	"threshold_fen" integer NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"redeemed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vouchers_seq_check" CHECK ("vouchers"."seq" >= 1)
);
--> statement-breakpoint
ALTER TABLE "benefit_merchant_accounts" ADD CONSTRAINT "benefit_merchant_accounts_merchant_id_benefit_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."benefit_merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_merchant_accounts" ADD CONSTRAINT "benefit_merchant_accounts_outlet_id_benefit_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."benefit_outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_outlets" ADD CONSTRAINT "benefit_outlets_merchant_id_benefit_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."benefit_merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_applications" ADD CONSTRAINT "recuperation_applications_departure_id_recuperation_departures_id_fk" FOREIGN KEY ("departure_id") REFERENCES "public"."recuperation_departures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_departures" ADD CONSTRAINT "recuperation_departures_route_id_recuperation_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."recuperation_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_claim_counts" ADD CONSTRAINT "voucher_claim_counts_campaign_id_voucher_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."voucher_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_events" ADD CONSTRAINT "voucher_events_voucher_id_vouchers_id_fk" FOREIGN KEY ("voucher_id") REFERENCES "public"."vouchers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_redemptions" ADD CONSTRAINT "voucher_redemptions_voucher_id_vouchers_id_fk" FOREIGN KEY ("voucher_id") REFERENCES "public"."vouchers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_redemptions" ADD CONSTRAINT "voucher_redemptions_merchant_id_benefit_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."benefit_merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_campaign_id_voucher_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."voucher_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benefit_idempotency_created_idx" ON "benefit_idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "benefit_merchant_accounts_merchant_idx" ON "benefit_merchant_accounts" USING btree ("merchant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_merchants_credit_code_idx" ON "benefit_merchants" USING btree ("credit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_merchants_plaque_idx" ON "benefit_merchants" USING btree ("plaque_no");--> statement-breakpoint
CREATE INDEX "benefit_merchants_org_path_idx" ON "benefit_merchants" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "benefit_merchants_name_key_idx" ON "benefit_merchants" USING btree ("name_key","id");--> statement-breakpoint
CREATE INDEX "benefit_outlets_merchant_idx" ON "benefit_outlets" USING btree ("merchant_id");--> statement-breakpoint
CREATE INDEX "benefit_outlets_geo_idx" ON "benefit_outlets" USING btree ("lat","lng");--> statement-breakpoint
CREATE UNIQUE INDEX "recuperation_applications_member_idx" ON "recuperation_applications" USING btree ("departure_id","member_id") WHERE "recuperation_applications"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "recuperation_applications_departure_idx" ON "recuperation_applications" USING btree ("departure_id","status");--> statement-breakpoint
CREATE INDEX "recuperation_applications_member_lookup_idx" ON "recuperation_applications" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "recuperation_departures_route_idx" ON "recuperation_departures" USING btree ("route_id","depart_date");--> statement-breakpoint
CREATE INDEX "recuperation_routes_org_path_idx" ON "recuperation_routes" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "recuperation_routes_order_idx" ON "recuperation_routes" USING btree ("featured","name_key");--> statement-breakpoint
CREATE INDEX "voucher_campaigns_org_path_idx" ON "voucher_campaigns" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "voucher_campaigns_status_idx" ON "voucher_campaigns" USING btree ("status","claim_starts_at");--> statement-breakpoint
CREATE INDEX "voucher_events_voucher_idx" ON "voucher_events" USING btree ("voucher_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_redemptions_one_completed_idx" ON "voucher_redemptions" USING btree ("voucher_id") WHERE "voucher_redemptions"."status" = 'completed';--> statement-breakpoint
CREATE INDEX "voucher_redemptions_merchant_idx" ON "voucher_redemptions" USING btree ("merchant_id","redeemed_at");--> statement-breakpoint
CREATE INDEX "voucher_redemptions_campaign_idx" ON "voucher_redemptions" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_no_idx" ON "vouchers" USING btree ("no");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_member_seq_idx" ON "vouchers" USING btree ("campaign_id","member_id","seq");--> statement-breakpoint
CREATE INDEX "vouchers_account_idx" ON "vouchers" USING btree ("account_id","issued_at");--> statement-breakpoint
CREATE INDEX "vouchers_member_idx" ON "vouchers" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "vouchers_campaign_status_idx" ON "vouchers" USING btree ("campaign_id","status");