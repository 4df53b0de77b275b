-- nps-by-region-month
-- params: ["Europe/Berlin"]
SELECT `region` AS k1, `plan` AS k2, date_format(date_trunc('MONTH', from_utc_timestamp(`answered_at`, ?)), 'yyyy-MM-dd') AS p, `score` AS v1, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3, 4;

-- csat-day
-- params: ["America/New_York"]
SELECT date_format(date_trunc('DAY', from_utc_timestamp(`answered_at`, ?)), 'yyyy-MM-dd') AS p, `sat` AS v1, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2;

-- ces-week-sunday
-- params: ["UTC"]
SELECT `channel` AS k1, date_format((date_trunc('WEEK', (from_utc_timestamp(`at`, ?) + make_interval(0, 0, 0, 1, 0, 0, 0))) + make_interval(0, 0, 0, -1, 0, 0, 0)), 'yyyy-MM-dd') AS p, `effort` AS v1, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3;

-- fcr-iso-week
-- params: ["UTC"]
SELECT date_format(date_trunc('WEEK', from_utc_timestamp(`at`, ?)), 'yyyy-MM-dd') AS p, `contacts` AS v1, `ok` AS v2, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3;

-- loyalty-fiscal-quarter
-- params: ["Asia/Kolkata"]
SELECT `segment` AS k1, date_format((date_trunc('QUARTER', (from_utc_timestamp(`at`, ?) + make_interval(0, -3, 0, 0, 0, 0, 0))) + make_interval(0, 3, 0, 0, 0, 0, 0)), 'yyyy-MM-dd') AS p, `recommend` AS v1, `repurchase` AS v2, `upsell` AS v3, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3, 4, 5;

-- repurchase-fiscal-year
-- params: ["Australia/Sydney"]
SELECT date_format((date_trunc('YEAR', (from_utc_timestamp(`at`, ?) + make_interval(0, -6, 0, 0, 0, 0, 0))) + make_interval(0, 6, 0, 0, 0, 0, 0)), 'yyyy-MM-dd') AS p, `orders` AS v1, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2;

-- upsell-no-period
-- params: []
SELECT `plan` AS k1, `did_upgrade` AS v1, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2;

-- ttr-by-team-week
-- params: ["Europe/Berlin"]
SELECT `team` AS k1, date_format(date_trunc('WEEK', from_utc_timestamp(`created_at`, ?)), 'yyyy-MM-dd') AS p, unix_millis(`created_at`) AS v1, unix_millis(`solved_at`) AS v2, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3, 4;

-- frt-month
-- params: ["UTC"]
SELECT date_format(date_trunc('MONTH', from_utc_timestamp(`created_at`, ?)), 'yyyy-MM-dd') AS p, unix_millis(`created_at`) AS v1, unix_millis(`answered_at`) AS v2, CAST(count(*) AS BIGINT) AS n FROM `analytics`.`answers` GROUP BY 1, 2, 3;
