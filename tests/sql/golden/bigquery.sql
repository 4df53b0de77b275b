-- nps-by-region-month
-- params: ["Europe/Berlin"]
SELECT k1, k2, FORMAT_DATETIME('%Y-%m-%d', p) AS p, v1, n FROM (SELECT `region` AS k1, `plan` AS k2, DATETIME_TRUNC(DATETIME(`answered_at`, ?), MONTH) AS p, `score` AS v1, CAST(count(*) AS INT64) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3, 4) AS cxmetrics_tally;

-- csat-day
-- params: ["America/New_York"]
SELECT FORMAT_DATETIME('%Y-%m-%d', p) AS p, v1, n FROM (SELECT DATETIME_TRUNC(DATETIME(`answered_at`, ?), DAY) AS p, `sat` AS v1, CAST(count(*) AS INT64) AS n FROM `analytics`.`answers` GROUP BY 1, 2) AS cxmetrics_tally;

-- ces-week-sunday
-- params: ["UTC"]
SELECT k1, FORMAT_DATETIME('%Y-%m-%d', p) AS p, v1, n FROM (SELECT `channel` AS k1, DATETIME_ADD(DATETIME_TRUNC(DATETIME_ADD(DATETIME(`at`, ?), INTERVAL 1 DAY), WEEK(MONDAY)), INTERVAL -1 DAY) AS p, `effort` AS v1, CAST(count(*) AS INT64) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3) AS cxmetrics_tally;

-- fcr-iso-week
-- params: ["UTC"]
SELECT FORMAT_DATETIME('%Y-%m-%d', p) AS p, v1, v2, n FROM (SELECT DATETIME_TRUNC(DATETIME(`at`, ?), WEEK(MONDAY)) AS p, `contacts` AS v1, `ok` AS v2, CAST(count(*) AS INT64) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3) AS cxmetrics_tally;

-- loyalty-fiscal-quarter
-- params: ["Asia/Kolkata"]
SELECT k1, FORMAT_DATETIME('%Y-%m-%d', p) AS p, v1, v2, v3, n FROM (SELECT `segment` AS k1, DATETIME_ADD(DATETIME_TRUNC(DATETIME_ADD(DATETIME(`at`, ?), INTERVAL -3 MONTH), QUARTER), INTERVAL 3 MONTH) AS p, `recommend` AS v1, `repurchase` AS v2, `upsell` AS v3, CAST(count(*) AS INT64) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3, 4, 5) AS cxmetrics_tally;

-- repurchase-fiscal-year
-- params: ["Australia/Sydney"]
SELECT FORMAT_DATETIME('%Y-%m-%d', p) AS p, v1, n FROM (SELECT DATETIME_ADD(DATETIME_TRUNC(DATETIME_ADD(DATETIME(`at`, ?), INTERVAL -6 MONTH), YEAR), INTERVAL 6 MONTH) AS p, `orders` AS v1, CAST(count(*) AS INT64) AS n FROM `analytics`.`answers` GROUP BY 1, 2) AS cxmetrics_tally;

-- upsell-no-period
-- params: []
SELECT `plan` AS k1, `did_upgrade` AS v1, CAST(count(*) AS INT64) AS n FROM `analytics`.`answers` GROUP BY 1, 2;

-- ttr-by-team-week
-- params: ["Europe/Berlin"]
SELECT k1, FORMAT_DATETIME('%Y-%m-%d', p) AS p, v1, v2, v3, n FROM (SELECT `team` AS k1, DATETIME_TRUNC(DATETIME(`created_at`, ?), WEEK(MONDAY)) AS p, CASE WHEN `created_at` IS NOT NULL AND `solved_at` IS NOT NULL AND UNIX_MILLIS(`solved_at`) >= UNIX_MILLIS(`created_at`) THEN NULL ELSE UNIX_MILLIS(`created_at`) END AS v1, CASE WHEN `created_at` IS NOT NULL AND `solved_at` IS NOT NULL AND UNIX_MILLIS(`solved_at`) >= UNIX_MILLIS(`created_at`) THEN NULL ELSE UNIX_MILLIS(`solved_at`) END AS v2, CASE WHEN `created_at` IS NOT NULL AND `solved_at` IS NOT NULL AND UNIX_MILLIS(`solved_at`) >= UNIX_MILLIS(`created_at`) THEN UNIX_MILLIS(`solved_at`) - UNIX_MILLIS(`created_at`) END AS v3, CAST(count(*) AS INT64) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3, 4, 5) AS cxmetrics_tally;

-- frt-month
-- params: ["UTC"]
SELECT FORMAT_DATETIME('%Y-%m-%d', p) AS p, v1, v2, v3, n FROM (SELECT DATETIME_TRUNC(DATETIME(`created_at`, ?), MONTH) AS p, CASE WHEN `created_at` IS NOT NULL AND `answered_at` IS NOT NULL AND UNIX_MILLIS(`answered_at`) >= UNIX_MILLIS(`created_at`) THEN NULL ELSE UNIX_MILLIS(`created_at`) END AS v1, CASE WHEN `created_at` IS NOT NULL AND `answered_at` IS NOT NULL AND UNIX_MILLIS(`answered_at`) >= UNIX_MILLIS(`created_at`) THEN NULL ELSE UNIX_MILLIS(`answered_at`) END AS v2, CASE WHEN `created_at` IS NOT NULL AND `answered_at` IS NOT NULL AND UNIX_MILLIS(`answered_at`) >= UNIX_MILLIS(`created_at`) THEN UNIX_MILLIS(`answered_at`) - UNIX_MILLIS(`created_at`) END AS v3, CAST(count(*) AS INT64) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3, 4) AS cxmetrics_tally;
