-- nps-by-region-month
-- params: ["Europe/Berlin"]
SELECT "region" AS k1, "plan" AS k2, to_char(date_trunc('month', (CAST("answered_at" AS timestamptz) AT TIME ZONE $1)), 'YYYY-MM-DD') AS p, "score" AS v1, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4;

-- csat-day
-- params: ["America/New_York"]
SELECT to_char(date_trunc('day', (CAST("answered_at" AS timestamptz) AT TIME ZONE $1)), 'YYYY-MM-DD') AS p, "sat" AS v1, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2;

-- ces-week-sunday
-- params: ["UTC"]
SELECT "channel" AS k1, to_char((date_trunc('week', ((CAST("at" AS timestamptz) AT TIME ZONE $1) + make_interval(days => 1))) + make_interval(days => -1)), 'YYYY-MM-DD') AS p, "effort" AS v1, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3;

-- fcr-iso-week
-- params: ["UTC"]
SELECT to_char(date_trunc('week', (CAST("at" AS timestamptz) AT TIME ZONE $1)), 'YYYY-MM-DD') AS p, "contacts" AS v1, "ok" AS v2, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3;

-- loyalty-fiscal-quarter
-- params: ["Asia/Kolkata"]
SELECT "segment" AS k1, to_char((date_trunc('quarter', ((CAST("at" AS timestamptz) AT TIME ZONE $1) + make_interval(months => -3))) + make_interval(months => 3)), 'YYYY-MM-DD') AS p, "recommend" AS v1, "repurchase" AS v2, "upsell" AS v3, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4, 5;

-- repurchase-fiscal-year
-- params: ["Australia/Sydney"]
SELECT to_char((date_trunc('year', ((CAST("at" AS timestamptz) AT TIME ZONE $1) + make_interval(months => -6))) + make_interval(months => 6)), 'YYYY-MM-DD') AS p, "orders" AS v1, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2;

-- upsell-no-period
-- params: []
SELECT "plan" AS k1, "did_upgrade" AS v1, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2;

-- ttr-by-team-week
-- params: ["Europe/Berlin"]
SELECT "team" AS k1, to_char(date_trunc('week', (CAST("created_at" AS timestamptz) AT TIME ZONE $1)), 'YYYY-MM-DD') AS p, CAST(floor(EXTRACT(EPOCH FROM CAST("created_at" AS timestamptz)) * 1000) AS bigint) AS v1, CAST(floor(EXTRACT(EPOCH FROM CAST("solved_at" AS timestamptz)) * 1000) AS bigint) AS v2, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4;

-- frt-month
-- params: ["UTC"]
SELECT to_char(date_trunc('month', (CAST("created_at" AS timestamptz) AT TIME ZONE $1)), 'YYYY-MM-DD') AS p, CAST(floor(EXTRACT(EPOCH FROM CAST("created_at" AS timestamptz)) * 1000) AS bigint) AS v1, CAST(floor(EXTRACT(EPOCH FROM CAST("answered_at" AS timestamptz)) * 1000) AS bigint) AS v2, CAST(count(*) AS bigint) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3;
