-- nps-by-region-month
-- params: ["Europe/Berlin"]
SELECT k1, k2, strftime(CAST(p AS DATE), '%Y-%m-%d') AS p, v1, n FROM (SELECT "region" AS k1, "plan" AS k2, date_trunc('month', timezone($1, CAST("answered_at" AS TIMESTAMPTZ))) AS p, "score" AS v1, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4) AS cxmetrics_tally;

-- csat-day
-- params: ["America/New_York"]
SELECT strftime(CAST(p AS DATE), '%Y-%m-%d') AS p, v1, n FROM (SELECT date_trunc('day', timezone($1, CAST("answered_at" AS TIMESTAMPTZ))) AS p, "sat" AS v1, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2) AS cxmetrics_tally;

-- ces-week-sunday
-- params: ["UTC"]
SELECT k1, strftime(CAST(p AS DATE), '%Y-%m-%d') AS p, v1, n FROM (SELECT "channel" AS k1, (date_trunc('week', (timezone($1, CAST("at" AS TIMESTAMPTZ)) + INTERVAL (1) DAY)) + INTERVAL (-1) DAY) AS p, "effort" AS v1, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3) AS cxmetrics_tally;

-- fcr-iso-week
-- params: ["UTC"]
SELECT strftime(CAST(p AS DATE), '%Y-%m-%d') AS p, v1, v2, n FROM (SELECT date_trunc('week', timezone($1, CAST("at" AS TIMESTAMPTZ))) AS p, "contacts" AS v1, "ok" AS v2, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3) AS cxmetrics_tally;

-- loyalty-fiscal-quarter
-- params: ["Asia/Kolkata"]
SELECT k1, strftime(CAST(p AS DATE), '%Y-%m-%d') AS p, v1, v2, v3, n FROM (SELECT "segment" AS k1, (date_trunc('quarter', (timezone($1, CAST("at" AS TIMESTAMPTZ)) + INTERVAL (-3) MONTH)) + INTERVAL (3) MONTH) AS p, "recommend" AS v1, "repurchase" AS v2, "upsell" AS v3, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4, 5) AS cxmetrics_tally;

-- repurchase-fiscal-year
-- params: ["Australia/Sydney"]
SELECT strftime(CAST(p AS DATE), '%Y-%m-%d') AS p, v1, n FROM (SELECT (date_trunc('year', (timezone($1, CAST("at" AS TIMESTAMPTZ)) + INTERVAL (-6) MONTH)) + INTERVAL (6) MONTH) AS p, "orders" AS v1, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2) AS cxmetrics_tally;

-- upsell-no-period
-- params: []
SELECT "plan" AS k1, "did_upgrade" AS v1, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2;

-- ttr-by-team-week
-- params: ["Europe/Berlin"]
SELECT k1, strftime(CAST(p AS DATE), '%Y-%m-%d') AS p, v1, v2, v3, n FROM (SELECT "team" AS k1, date_trunc('week', timezone($1, CAST("created_at" AS TIMESTAMPTZ))) AS p, CASE WHEN "created_at" IS NOT NULL AND "solved_at" IS NOT NULL AND epoch_ms(CAST("solved_at" AS TIMESTAMPTZ)) >= epoch_ms(CAST("created_at" AS TIMESTAMPTZ)) THEN NULL ELSE epoch_ms(CAST("created_at" AS TIMESTAMPTZ)) END AS v1, CASE WHEN "created_at" IS NOT NULL AND "solved_at" IS NOT NULL AND epoch_ms(CAST("solved_at" AS TIMESTAMPTZ)) >= epoch_ms(CAST("created_at" AS TIMESTAMPTZ)) THEN NULL ELSE epoch_ms(CAST("solved_at" AS TIMESTAMPTZ)) END AS v2, CASE WHEN "created_at" IS NOT NULL AND "solved_at" IS NOT NULL AND epoch_ms(CAST("solved_at" AS TIMESTAMPTZ)) >= epoch_ms(CAST("created_at" AS TIMESTAMPTZ)) THEN epoch_ms(CAST("solved_at" AS TIMESTAMPTZ)) - epoch_ms(CAST("created_at" AS TIMESTAMPTZ)) END AS v3, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4, 5) AS cxmetrics_tally;

-- frt-month
-- params: ["UTC"]
SELECT strftime(CAST(p AS DATE), '%Y-%m-%d') AS p, v1, v2, v3, n FROM (SELECT date_trunc('month', timezone($1, CAST("created_at" AS TIMESTAMPTZ))) AS p, CASE WHEN "created_at" IS NOT NULL AND "answered_at" IS NOT NULL AND epoch_ms(CAST("answered_at" AS TIMESTAMPTZ)) >= epoch_ms(CAST("created_at" AS TIMESTAMPTZ)) THEN NULL ELSE epoch_ms(CAST("created_at" AS TIMESTAMPTZ)) END AS v1, CASE WHEN "created_at" IS NOT NULL AND "answered_at" IS NOT NULL AND epoch_ms(CAST("answered_at" AS TIMESTAMPTZ)) >= epoch_ms(CAST("created_at" AS TIMESTAMPTZ)) THEN NULL ELSE epoch_ms(CAST("answered_at" AS TIMESTAMPTZ)) END AS v2, CASE WHEN "created_at" IS NOT NULL AND "answered_at" IS NOT NULL AND epoch_ms(CAST("answered_at" AS TIMESTAMPTZ)) >= epoch_ms(CAST("created_at" AS TIMESTAMPTZ)) THEN epoch_ms(CAST("answered_at" AS TIMESTAMPTZ)) - epoch_ms(CAST("created_at" AS TIMESTAMPTZ)) END AS v3, CAST(count(*) AS BIGINT) AS n FROM "analytics"."answers" GROUP BY 1, 2, 3, 4) AS cxmetrics_tally;
