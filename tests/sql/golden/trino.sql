-- nps-by-region-month
-- params: ["Europe/Berlin"]
SELECT k1, k2, format_datetime(p, 'yyyy-MM-dd') AS p, v1, n FROM (SELECT "region" AS k1, "plan" AS k2, date_trunc('month', ("answered_at" AT TIME ZONE ?)) AS p, "score" AS v1, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4) AS cxmetrics_tally;

-- csat-day
-- params: ["America/New_York"]
SELECT format_datetime(p, 'yyyy-MM-dd') AS p, v1, n FROM (SELECT date_trunc('day', ("answered_at" AT TIME ZONE ?)) AS p, "sat" AS v1, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2) AS cxmetrics_tally;

-- ces-week-sunday
-- params: ["UTC"]
SELECT k1, format_datetime(p, 'yyyy-MM-dd') AS p, v1, n FROM (SELECT "channel" AS k1, date_add('day', -1, date_trunc('week', date_add('day', 1, ("at" AT TIME ZONE ?)))) AS p, "effort" AS v1, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3) AS cxmetrics_tally;

-- fcr-iso-week
-- params: ["UTC"]
SELECT format_datetime(p, 'yyyy-MM-dd') AS p, v1, v2, n FROM (SELECT date_trunc('week', ("at" AT TIME ZONE ?)) AS p, "contacts" AS v1, "ok" AS v2, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3) AS cxmetrics_tally;

-- loyalty-fiscal-quarter
-- params: ["Asia/Kolkata"]
SELECT k1, format_datetime(p, 'yyyy-MM-dd') AS p, v1, v2, v3, n FROM (SELECT "segment" AS k1, date_add('month', 3, date_trunc('quarter', date_add('month', -3, ("at" AT TIME ZONE ?)))) AS p, "recommend" AS v1, "repurchase" AS v2, "upsell" AS v3, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4, 5) AS cxmetrics_tally;

-- repurchase-fiscal-year
-- params: ["Australia/Sydney"]
SELECT format_datetime(p, 'yyyy-MM-dd') AS p, v1, n FROM (SELECT date_add('month', 6, date_trunc('year', date_add('month', -6, ("at" AT TIME ZONE ?)))) AS p, "orders" AS v1, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2) AS cxmetrics_tally;

-- upsell-no-period
-- params: []
SELECT "plan" AS k1, "did_upgrade" AS v1, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2;

-- ttr-by-team-week
-- params: ["Europe/Berlin"]
SELECT k1, format_datetime(p, 'yyyy-MM-dd') AS p, v1, v2, v3, n FROM (SELECT "team" AS k1, date_trunc('week', ("created_at" AT TIME ZONE ?)) AS p, CASE WHEN "created_at" IS NOT NULL AND "solved_at" IS NOT NULL AND date_diff('millisecond', from_unixtime(0), "solved_at") >= date_diff('millisecond', from_unixtime(0), "created_at") THEN NULL ELSE date_diff('millisecond', from_unixtime(0), "created_at") END AS v1, CASE WHEN "created_at" IS NOT NULL AND "solved_at" IS NOT NULL AND date_diff('millisecond', from_unixtime(0), "solved_at") >= date_diff('millisecond', from_unixtime(0), "created_at") THEN NULL ELSE date_diff('millisecond', from_unixtime(0), "solved_at") END AS v2, CASE WHEN "created_at" IS NOT NULL AND "solved_at" IS NOT NULL AND date_diff('millisecond', from_unixtime(0), "solved_at") >= date_diff('millisecond', from_unixtime(0), "created_at") THEN date_diff('millisecond', from_unixtime(0), "solved_at") - date_diff('millisecond', from_unixtime(0), "created_at") END AS v3, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4, 5) AS cxmetrics_tally;

-- frt-month
-- params: ["UTC"]
SELECT format_datetime(p, 'yyyy-MM-dd') AS p, v1, v2, v3, n FROM (SELECT date_trunc('month', ("created_at" AT TIME ZONE ?)) AS p, CASE WHEN "created_at" IS NOT NULL AND "answered_at" IS NOT NULL AND date_diff('millisecond', from_unixtime(0), "answered_at") >= date_diff('millisecond', from_unixtime(0), "created_at") THEN NULL ELSE date_diff('millisecond', from_unixtime(0), "created_at") END AS v1, CASE WHEN "created_at" IS NOT NULL AND "answered_at" IS NOT NULL AND date_diff('millisecond', from_unixtime(0), "answered_at") >= date_diff('millisecond', from_unixtime(0), "created_at") THEN NULL ELSE date_diff('millisecond', from_unixtime(0), "answered_at") END AS v2, CASE WHEN "created_at" IS NOT NULL AND "answered_at" IS NOT NULL AND date_diff('millisecond', from_unixtime(0), "answered_at") >= date_diff('millisecond', from_unixtime(0), "created_at") THEN date_diff('millisecond', from_unixtime(0), "answered_at") - date_diff('millisecond', from_unixtime(0), "created_at") END AS v3, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4) AS cxmetrics_tally;
