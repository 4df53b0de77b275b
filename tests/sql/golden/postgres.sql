-- nps-by-region-month
-- params: ["Europe/Berlin"]
SELECT k1, k2, to_char(p, 'YYYY-MM-DD') AS p, v1, n FROM (SELECT "region" AS k1, "plan" AS k2, date_trunc('month', (CAST("answered_at" AS timestamptz) AT TIME ZONE $1)) AS p, "score" AS v1, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4) AS cxmetrics_tally;

-- csat-day
-- params: ["America/New_York"]
SELECT to_char(p, 'YYYY-MM-DD') AS p, v1, n FROM (SELECT date_trunc('day', (CAST("answered_at" AS timestamptz) AT TIME ZONE $1)) AS p, "sat" AS v1, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2) AS cxmetrics_tally;

-- ces-week-sunday
-- params: ["UTC"]
SELECT k1, to_char(p, 'YYYY-MM-DD') AS p, v1, n FROM (SELECT "channel" AS k1, (date_trunc('week', ((CAST("at" AS timestamptz) AT TIME ZONE $1) + make_interval(days => 1))) + make_interval(days => -1)) AS p, "effort" AS v1, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3) AS cxmetrics_tally;

-- fcr-iso-week
-- params: ["UTC"]
SELECT to_char(p, 'YYYY-MM-DD') AS p, v1, v2, n FROM (SELECT date_trunc('week', (CAST("at" AS timestamptz) AT TIME ZONE $1)) AS p, "contacts" AS v1, "ok" AS v2, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3) AS cxmetrics_tally;

-- loyalty-fiscal-quarter
-- params: ["Asia/Kolkata"]
SELECT k1, to_char(p, 'YYYY-MM-DD') AS p, v1, v2, v3, n FROM (SELECT "segment" AS k1, (date_trunc('quarter', ((CAST("at" AS timestamptz) AT TIME ZONE $1) + make_interval(months => -3))) + make_interval(months => 3)) AS p, "recommend" AS v1, "repurchase" AS v2, "upsell" AS v3, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4, 5) AS cxmetrics_tally;

-- repurchase-fiscal-year
-- params: ["Australia/Sydney"]
SELECT to_char(p, 'YYYY-MM-DD') AS p, v1, n FROM (SELECT (date_trunc('year', ((CAST("at" AS timestamptz) AT TIME ZONE $1) + make_interval(months => -6))) + make_interval(months => 6)) AS p, "orders" AS v1, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2) AS cxmetrics_tally;

-- upsell-no-period
-- params: []
SELECT "plan" AS k1, "did_upgrade" AS v1, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2;

-- ttr-by-team-week
-- params: ["Europe/Berlin"]
SELECT k1, to_char(p, 'YYYY-MM-DD') AS p, v1, v2, v3, n FROM (SELECT "team" AS k1, date_trunc('week', (CAST("created_at" AS timestamptz) AT TIME ZONE $1)) AS p, CASE WHEN "created_at" IS NOT NULL AND "solved_at" IS NOT NULL AND CAST(floor(EXTRACT(EPOCH FROM CAST("solved_at" AS timestamptz)) * 1000) AS bigint) >= CAST(floor(EXTRACT(EPOCH FROM CAST("created_at" AS timestamptz)) * 1000) AS bigint) THEN NULL ELSE CAST(floor(EXTRACT(EPOCH FROM CAST("created_at" AS timestamptz)) * 1000) AS bigint) END AS v1, CASE WHEN "created_at" IS NOT NULL AND "solved_at" IS NOT NULL AND CAST(floor(EXTRACT(EPOCH FROM CAST("solved_at" AS timestamptz)) * 1000) AS bigint) >= CAST(floor(EXTRACT(EPOCH FROM CAST("created_at" AS timestamptz)) * 1000) AS bigint) THEN NULL ELSE CAST(floor(EXTRACT(EPOCH FROM CAST("solved_at" AS timestamptz)) * 1000) AS bigint) END AS v2, CASE WHEN "created_at" IS NOT NULL AND "solved_at" IS NOT NULL AND CAST(floor(EXTRACT(EPOCH FROM CAST("solved_at" AS timestamptz)) * 1000) AS bigint) >= CAST(floor(EXTRACT(EPOCH FROM CAST("created_at" AS timestamptz)) * 1000) AS bigint) THEN CAST(floor(EXTRACT(EPOCH FROM CAST("solved_at" AS timestamptz)) * 1000) AS bigint) - CAST(floor(EXTRACT(EPOCH FROM CAST("created_at" AS timestamptz)) * 1000) AS bigint) END AS v3, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4, 5) AS cxmetrics_tally;

-- frt-month
-- params: ["UTC"]
SELECT to_char(p, 'YYYY-MM-DD') AS p, v1, v2, v3, n FROM (SELECT date_trunc('month', (CAST("created_at" AS timestamptz) AT TIME ZONE $1)) AS p, CASE WHEN "created_at" IS NOT NULL AND "answered_at" IS NOT NULL AND CAST(floor(EXTRACT(EPOCH FROM CAST("answered_at" AS timestamptz)) * 1000) AS bigint) >= CAST(floor(EXTRACT(EPOCH FROM CAST("created_at" AS timestamptz)) * 1000) AS bigint) THEN NULL ELSE CAST(floor(EXTRACT(EPOCH FROM CAST("created_at" AS timestamptz)) * 1000) AS bigint) END AS v1, CASE WHEN "created_at" IS NOT NULL AND "answered_at" IS NOT NULL AND CAST(floor(EXTRACT(EPOCH FROM CAST("answered_at" AS timestamptz)) * 1000) AS bigint) >= CAST(floor(EXTRACT(EPOCH FROM CAST("created_at" AS timestamptz)) * 1000) AS bigint) THEN NULL ELSE CAST(floor(EXTRACT(EPOCH FROM CAST("answered_at" AS timestamptz)) * 1000) AS bigint) END AS v2, CASE WHEN "created_at" IS NOT NULL AND "answered_at" IS NOT NULL AND CAST(floor(EXTRACT(EPOCH FROM CAST("answered_at" AS timestamptz)) * 1000) AS bigint) >= CAST(floor(EXTRACT(EPOCH FROM CAST("created_at" AS timestamptz)) * 1000) AS bigint) THEN CAST(floor(EXTRACT(EPOCH FROM CAST("answered_at" AS timestamptz)) * 1000) AS bigint) - CAST(floor(EXTRACT(EPOCH FROM CAST("created_at" AS timestamptz)) * 1000) AS bigint) END AS v3, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4) AS cxmetrics_tally;
