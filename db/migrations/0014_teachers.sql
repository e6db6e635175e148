CREATE TABLE "teacher_classes" (
	"teacher_id" integer NOT NULL,
	"class_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teacher_classes_teacher_id_class_name_pk" PRIMARY KEY("teacher_id","class_name")
);
--> statement-breakpoint
ALTER TABLE "teacher_classes" ADD CONSTRAINT "teacher_classes_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;