-- nps-by-region-month
-- params: ["Europe/Berlin"]
SELECT k1, k2, date_format(p, 'yyyy-MM-dd') AS p, v1, n FROM (SELECT `region` AS k1, `plan` AS k2, date_trunc('MONTH', from_utc_timestamp(`answered_at`, ?)) AS p, `score` AS v1, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3, 4) AS cxmetrics_tally;

-- csat-day
-- params: ["America/New_York"]
SELECT date_format(p, 'yyyy-MM-dd') AS p, v1, n FROM (SELECT date_trunc('DAY', from_utc_timestamp(`answered_at`, ?)) AS p, `sat` AS v1, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2) AS cxmetrics_tally;

-- ces-week-sunday
-- params: ["UTC"]
SELECT k1, date_format(p, 'yyyy-MM-dd') AS p, v1, n FROM (SELECT `channel` AS k1, (date_trunc('WEEK', (from_utc_timestamp(`at`, ?) + make_interval(0, 0, 0, 1, 0, 0, 0))) + make_interval(0, 0, 0, -1, 0, 0, 0)) AS p, `effort` AS v1, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3) AS cxmetrics_tally;

-- fcr-iso-week
-- params: ["UTC"]
SELECT date_format(p, 'yyyy-MM-dd') AS p, v1, v2, n FROM (SELECT date_trunc('WEEK', from_utc_timestamp(`at`, ?)) AS p, `contacts` AS v1, `ok` AS v2, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3) AS cxmetrics_tally;

-- loyalty-fiscal-quarter
-- params: ["Asia/Kolkata"]
SELECT k1, date_format(p, 'yyyy-MM-dd') AS p, v1, v2, v3, n FROM (SELECT `segment` AS k1, (date_trunc('QUARTER', (from_utc_timestamp(`at`, ?) + make_interval(0, -3, 0, 0, 0, 0, 0))) + make_interval(0, 3, 0, 0, 0, 0, 0)) AS p, `recommend` AS v1, `repurchase` AS v2, `upsell` AS v3, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3, 4, 5) AS cxmetrics_tally;

-- repurchase-fiscal-year
-- params: ["Australia/Sydney"]
SELECT date_format(p, 'yyyy-MM-dd') AS p, v1, n FROM (SELECT (date_trunc('YEAR', (from_utc_timestamp(`at`, ?) + make_interval(0, -6, 0, 0, 0, 0, 0))) + make_interval(0, 6, 0, 0, 0, 0, 0)) AS p, `orders` AS v1, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2) AS cxmetrics_tally;

-- upsell-no-period
-- params: []
SELECT `plan` AS k1, `did_upgrade` AS v1, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2;

-- ttr-by-team-week
-- params: ["Europe/Berlin"]
SELECT k1, date_format(p, 'yyyy-MM-dd') AS p, v1, v2, v3, n FROM (SELECT `team` AS k1, date_trunc('WEEK', from_utc_timestamp(`created_at`, ?)) AS p, CASE WHEN `created_at` IS NOT NULL AND `solved_at` IS NOT NULL AND unix_millis(`solved_at`) >= unix_millis(`created_at`) THEN NULL ELSE unix_millis(`created_at`) END AS v1, CASE WHEN `created_at` IS NOT NULL AND `solved_at` IS NOT NULL AND unix_millis(`solved_at`) >= unix_millis(`created_at`) THEN NULL ELSE unix_millis(`solved_at`) END AS v2, CASE WHEN `created_at` IS NOT NULL AND `solved_at` IS NOT NULL AND unix_millis(`solved_at`) >= unix_millis(`created_at`) THEN unix_millis(`solved_at`) - unix_millis(`created_at`) END AS v3, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3, 4, 5) AS cxmetrics_tally;

-- frt-month
-- params: ["UTC"]
SELECT date_format(p, 'yyyy-MM-dd') AS p, v1, v2, v3, n FROM (SELECT date_trunc('MONTH', from_utc_timestamp(`created_at`, ?)) AS p, CASE WHEN `created_at` IS NOT NULL AND `answered_at` IS NOT NULL AND unix_millis(`answered_at`) >= unix_millis(`created_at`) THEN NULL ELSE unix_millis(`created_at`) END AS v1, CASE WHEN `created_at` IS NOT NULL AND `answered_at` IS NOT NULL AND unix_millis(`answered_at`) >= unix_millis(`created_at`) THEN NULL ELSE unix_millis(`answered_at`) END AS v2, CASE WHEN `created_at` IS NOT NULL AND `answered_at` IS NOT NULL AND unix_millis(`answered_at`) >= unix_millis(`created_at`) THEN unix_millis(`answered_at`) - unix_millis(`created_at`) END AS v3, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3, 4) AS cxmetrics_tally;
