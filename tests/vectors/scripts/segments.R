# Reference values from R's stats package for the multiple-comparison
# adjustments and the trend tests of segment analysis, written to two files:
#
# tests/vectors/multiplicity-r.json, "cases": p.adjust(p, "holm") (Holm's
#   step-down family-wise adjustment) and p.adjust(p, "BH") (Benjamini-Hochberg
#   false discovery rate), in the input order, for p-value vectors of length 1
#   to 200: ties, exact 0 and 1, tiny and near-1 values, sorted, reverse-sorted
#   and shuffled orders, random uniform values and mixtures of small and large.
#
# tests/vectors/trend-r.json:
# - "cochranArmitage": prop.trend.test(x, n, score), the Cochran-Armitage
#   chi-squared test for trend in proportions (1 df): statistic and p-value;
#   slope = coefficient of score in lm(x / n ~ score, weights = n), the
#   weighted least-squares slope of the proportions (a proportion per unit
#   score, not percent); standardError = sqrt(pbar (1 - pbar) /
#   sum(n (score - sbar)^2)) with pbar = sum(x) / sum(n) and
#   sbar = sum(n score) / sum(n), the null-hypothesis standard error the test
#   uses. The script stops unless (slope / standardError)^2 equals the
#   prop.trend.test statistic to 1e-10 (relative). Every period has n > 0 (the
#   library drops empty periods before testing).
# - "weightedSlope": weighted least squares with known variances, w = 1 /
#   variance: slope = coefficient of score in lm(y ~ score, weights = w);
#   standardError = sqrt(solve(t(X) %*% diag(w) %*% X)[2, 2]) with
#   X = cbind(1, score) (the known-variance standard error, not lm's
#   residual-scaled one); z = slope / standardError;
#   pValue = 2 * pnorm(-abs(z)).
#
# All inputs are integers (x, n) or short decimals (p, y, variance, score),
# drawn with set.seed(20250301) or written by hand. Numbers are printed with
# sprintf("%.17g"), so every double round-trips exactly in JavaScript.
# Base R only (no jsonlite).
#
# Regenerate from the repository root (Debian package r-base-core):
#   Rscript tests/vectors/scripts/segments.R

out_multiplicity <- "tests/vectors/multiplicity-r.json"
out_trend <- "tests/vectors/trend-r.json"

num <- function(v) {
  s <- sprintf("%.17g", v)
  s[s == "-0"] <- "0"
  if (any(!is.finite(v))) stop("non-finite number: ", paste(v, collapse = ", "))
  s
}
arr <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")
# Fields wrapped in vec() are always written as arrays (even of length 1);
# character fields as strings; everything else as a single number.
vec <- function(v) {
  v <- as.numeric(v)
  attr(v, "array") <- TRUE
  v
}
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste0('"', names(kv), '": ', vapply(kv, function(v) {
    if (is.character(v)) {
      paste0('"', v, '"')
    } else if (isTRUE(attr(v, "array"))) {
      arr(v)
    } else {
      if (length(v) != 1) stop("scalar field of length ", length(v))
      num(v)
    }
  }, ""), collapse = ", "), "}")
}
section <- function(name, rows) sprintf('  "%s": [\n    %s\n  ]', name, paste(rows, collapse = ",\n    "))
close_to <- function(a, b, rel = 1e-10, abs_floor = 1e-14) {
  abs(a - b) <= max(rel * max(abs(a), abs(b)), abs_floor)
}

set.seed(20250301)

# ---------------------------------------------------------------------------
# Multiplicity: p.adjust(p, "holm") and p.adjust(p, "BH").
# ---------------------------------------------------------------------------

# Random draws rounded to short decimals (4 significant digits), so they read
# identically in R and JavaScript.
unif_p <- function(m) signif(runif(m), 4)
small_p <- function(m) signif(10^-runif(m, 1, 8), 3)
mixture_p <- function(m, frac_small) {
  k <- round(m * frac_small)
  sample(c(small_p(k), unif_p(m - k)))
}

mult_cases <- list(
  list("length 1, p = 0.03", c(0.03)),
  list("length 1, p = 0", c(0)),
  list("length 1, p = 1", c(1)),
  list("length 1, p = 1e-300", c(1e-300)),
  list("length 2, sorted", c(0.01, 0.04)),
  list("length 2, reverse-sorted", c(0.04, 0.01)),
  list("length 2, tie", c(0.03, 0.03)),
  list("length 2, both large", c(0.5, 0.9)),
  list("length 2, zero and one", c(1, 0)),
  list("length 3, sorted", c(0.01, 0.02, 0.03)),
  list("length 3, reverse-sorted", c(0.03, 0.02, 0.01)),
  list("length 3, random order", c(0.04, 0.01, 0.025)),
  list("length 3, zero, half and one", c(0.5, 0, 1)),
  list("length 3, all tied", c(0.02, 0.02, 0.02)),
  list("length 3, near 1", c(0.9999, 0.99999999, 0.95)),
  list("length 3, holm monotonicity binds", c(0.01, 0.011, 0.5)),
  list("length 10, sorted", c(0.001, 0.004, 0.008, 0.012, 0.02, 0.03, 0.045, 0.2, 0.6, 0.9)),
  list("length 10, reverse-sorted", rev(c(0.001, 0.004, 0.008, 0.012, 0.02, 0.03, 0.045, 0.2, 0.6, 0.9))),
  list("length 10, random order", c(0.2, 0.012, 0.9, 0.001, 0.045, 0.6, 0.008, 0.03, 0.004, 0.02)),
  list("length 10, ties", c(0.01, 0.05, 0.01, 0.2, 0.05, 0.05, 0.01, 0.7, 0.2, 0.05)),
  list("length 10, zeros and ones", c(0, 1, 0.03, 0, 0.5, 1, 0.001, 0.2, 1, 0.04)),
  list("length 10, tiny", c(1e-300, 1e-12, 3e-200, 1e-15, 0.01, 2e-12, 1e-100, 0.5, 5e-300, 1e-8)),
  list("length 10, near 1", c(0.99, 0.999, 0.9999, 0.99999, 0.999999, 0.9999999, 0.95, 0.9, 0.999, 0.98)),
  list("length 10, all ones", rep(1, 10)),
  list("length 10, all zeros", rep(0, 10)),
  list("length 10, all tied", rep(0.04, 10)),
  list("length 10, random uniform", unif_p(10)),
  list("length 10, random mixture", mixture_p(10, 0.3)),
  list("length 40, random uniform", unif_p(40)),
  list("length 40, random uniform, sorted", sort(unif_p(40))),
  list("length 40, random uniform, reverse-sorted", sort(unif_p(40), decreasing = TRUE)),
  list("length 40, random mixture (25% small)", mixture_p(40, 0.25)),
  list("length 40, random mixture (75% small)", mixture_p(40, 0.75)),
  list("length 40, two decimals (many ties)", round(runif(40), 2)),
  list("length 40, mixture with tiny, 0 and 1", sample(c(mixture_p(34, 0.3), 1e-300, 1e-12, 0, 0, 1, 1))),
  list("length 200, random uniform", unif_p(200)),
  list("length 200, random mixture (10% small)", mixture_p(200, 0.1)),
  list("length 200, random mixture (50% small), sorted", sort(mixture_p(200, 0.5))),
  list("length 200, two decimals (many ties)", round(runif(200), 2)),
  list("length 200, three decimals near 1", round(runif(200, 0.9, 1), 3))
)

mult_rows <- character()
for (cs in mult_cases) {
  p <- cs[[2]]
  holm <- p.adjust(p, "holm")
  bh <- p.adjust(p, "BH")
  if (any(holm < bh - 1e-15)) stop("Holm below BH in ", cs[[1]])
  mult_rows <- c(mult_rows, obj(name = cs[[1]], p = vec(p), holm = vec(holm), bh = vec(bh)))
}

writeLines(paste0(
  '{\n',
  '  "generator": "R stats: p.adjust(p, \\"holm\\"), p.adjust(p, \\"BH\\")",\n',
  '  "version": "', R.version.string, '",\n',
  '  "command": "Rscript tests/vectors/scripts/segments.R",\n',
  '  "note": "Numbers are printed with 17 significant digits. Adjusted values are in the input order.",\n',
  section("cases", mult_rows),
  '\n}\n'), out_multiplicity, sep = "")
cat("wrote", out_multiplicity, "with", length(mult_rows), "cases\n")

# ---------------------------------------------------------------------------
# Cochran-Armitage test for trend in proportions.
# ---------------------------------------------------------------------------

ca_case <- function(name, x, n, score) {
  if (any(n <= 0)) stop("empty period in ", name)
  if (any(x < 0 | x > n)) stop("x outside 0..n in ", name)
  if (any(x != round(x)) || any(n != round(n))) stop("non-integer counts in ", name)
  # suppressWarnings: anova.lm warns "essentially perfect fit" when the
  # proportions lie exactly on a line (or are equal); the sums of squares that
  # prop.trend.test reads are still right.
  r <- suppressWarnings(prop.trend.test(x, n, score))
  statistic <- unname(r$statistic)
  p_value <- r$p.value
  slope <- unname(coef(lm(p ~ s, data = data.frame(p = x / n, s = score), weights = n))["s"])
  pbar <- sum(x) / sum(n)
  sbar <- sum(n * score) / sum(n)
  se <- sqrt(pbar * (1 - pbar) / sum(n * (score - sbar)^2))
  closed <- sum(n * (score - sbar) * (x / n - pbar)) / sum(n * (score - sbar)^2)
  if (!close_to(slope, closed, 1e-9, 1e-15)) stop("lm slope ", slope, " != closed form ", closed, " in ", name)
  z2 <- (slope / se)^2
  if (!close_to(z2, statistic, 1e-10, 1e-20)) stop("(slope/se)^2 = ", z2, " != statistic ", statistic, " in ", name)
  if (!close_to(p_value, pchisq(statistic, 1, lower.tail = FALSE), 1e-12, 0)) stop("p-value mismatch in ", name)
  obj(name = name, x = vec(x), n = vec(n), score = vec(score),
      statistic = statistic, pValue = p_value, slope = slope, standardError = se)
}

# Random: k periods, sizes in n_range, proportions p0 + b (score - mean) with
# the proportions clamped to [0, 1].
ca_random <- function(name, k, n_range, p0, b, score = seq_len(k)) {
  n <- sample(n_range[1]:n_range[2], k, replace = TRUE)
  p <- pmin(1, pmax(0, p0 + b * (score - mean(score))))
  x <- rbinom(k, n, p)
  ca_case(name, x, n, score)
}

month_days <- c(0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
ca_rows <- c(
  ca_case("3 periods, increasing", c(10, 20, 30), c(100, 100, 100), 1:3),
  ca_case("3 periods, decreasing", c(45, 30, 12), c(90, 80, 70), 1:3),
  ca_case("3 periods, flat (equal proportions)", c(10, 20, 30), c(100, 200, 300), 1:3),
  ca_case("3 periods, n = 5", c(1, 3, 5), c(5, 5, 5), 1:3),
  ca_case("4 periods, n = 5, x = 0 and x = n", c(0, 2, 3, 5), c(5, 5, 5, 5), 1:4),
  ca_case("4 periods, unequal scores in days", c(40, 52, 61, 70), c(200, 210, 190, 205), c(0, 31, 59, 90)),
  ca_case("4 periods, unequal scores in days, decreasing", c(70, 61, 52, 40), c(205, 190, 210, 200), c(0, 31, 59, 90)),
  ca_case("5 periods, unequal decimal scores", c(3, 8, 15, 22, 30), c(50, 60, 55, 48, 52), c(0.5, 1.5, 4, 7.25, 10)),
  ca_case("5 periods, no trend but not flat", c(20, 30, 25, 30, 20), c(100, 100, 100, 100, 100), 1:5),
  ca_case("5 periods, x = 0 in first two", c(0, 0, 2, 5, 9), c(40, 35, 42, 38, 41), 1:5),
  ca_case("5 periods, x = n in last two", c(30, 36, 39, 40, 40), c(40, 40, 40, 40, 40), 1:5),
  ca_case("6 periods, n = 1e6, small drift", c(120000, 120300, 120550, 120900, 121050, 121400),
          rep(1e6, 6), 1:6),
  ca_case("6 periods, n = 1e6, flat", rep(250000, 6), rep(1e6, 6), 1:6),
  ca_case("4 periods, n = 1e9, tiny drift", c(500000000, 500010000, 499995000, 500020000), rep(1e9, 4), 1:4),
  ca_case("4 periods, n = 1e9, strong trend", c(100000000, 200000000, 300000000, 400000000), rep(1e9, 4), 1:4),
  ca_case("5 periods, mixed n from 5 to 1e6", c(1, 30, 400, 5200, 330000), c(5, 100, 1000, 10000, 1e6), 1:5),
  ca_case("7 periods, weeks as scores", c(12, 15, 11, 18, 21, 19, 25), c(80, 85, 78, 90, 88, 84, 92), c(0, 7, 14, 21, 28, 35, 42)),
  ca_case("8 periods, gap in scores (empty period dropped)", c(12, 14, 17, 19, 22, 25, 27, 31),
          c(100, 95, 110, 105, 98, 102, 99, 101), c(1, 2, 3, 5, 6, 7, 8, 9)),
  ca_case("12 periods, month-start days", c(31, 35, 30, 38, 41, 39, 44, 47, 45, 50, 53, 55),
          c(120, 118, 125, 130, 122, 119, 127, 131, 124, 128, 126, 130), month_days),
  ca_random("3 periods, random increasing", 3, c(30, 300), 0.3, 0.08),
  ca_random("6 periods, random decreasing", 6, c(50, 500), 0.5, -0.03),
  ca_random("8 periods, random flat", 8, c(20, 200), 0.4, 0),
  ca_random("10 periods, random n = 5..12", 10, c(5, 12), 0.5, 0.04),
  ca_random("12 periods, random weak increase", 12, c(200, 2000), 0.2, 0.002),
  ca_random("12 periods, random, month-start days", 12, c(100, 1000), 0.6, -0.0003, month_days),
  ca_random("16 periods, random decreasing to near 0", 16, c(50, 150), 0.15, -0.012),
  ca_random("18 periods, random, n up to 1e6", 18, c(100000, 1000000), 0.05, 0.0001),
  ca_random("20 periods, random, proportions reach 1", 20, c(10, 40), 0.85, 0.03),
  ca_random("24 periods, random increasing", 24, c(100, 800), 0.3, 0.005),
  ca_random("24 periods, random flat", 24, c(500, 5000), 0.7, 0),
  ca_random("24 periods, random, unequal decimal scores", 24, c(50, 400), 0.4, 0.01,
            sort(sample(seq(0, 60, by = 0.5), 24)))
)

# ---------------------------------------------------------------------------
# Weighted least-squares slope with known variances.
# ---------------------------------------------------------------------------

ws_case <- function(name, y, variance, score) {
  if (any(variance <= 0)) stop("variance must be positive in ", name)
  w <- 1 / variance
  slope <- unname(coef(lm(y ~ s, data = data.frame(y = y, s = score), weights = w))["s"])
  X <- cbind(1, score)
  se <- sqrt(solve(t(X) %*% diag(w, nrow = length(w)) %*% X)[2, 2])
  sbar <- sum(w * score) / sum(w)
  ybar <- sum(w * y) / sum(w)
  closed <- sum(w * (score - sbar) * (y - ybar)) / sum(w * (score - sbar)^2)
  se_closed <- sqrt(1 / sum(w * (score - sbar)^2))
  scale_y <- max(abs(y)) / (max(score) - min(score))
  if (!close_to(slope, closed, 1e-9, 1e-13 * scale_y)) stop("lm slope ", slope, " != closed form ", closed, " in ", name)
  if (!close_to(se, se_closed, 1e-9, 0)) stop("standard error mismatch in ", name)
  z <- slope / se
  obj(name = name, y = vec(y), variance = vec(variance), score = vec(score),
      slope = slope, standardError = se, z = z, pValue = 2 * pnorm(-abs(z)))
}

# Random NPS-scale series: y = a + b (score - mean) + noise with sd from the
# variance, clamped to -100..100 and rounded to one decimal; variances are
# integers in v_range.
ws_nps <- function(name, k, a, b, v_range = c(100, 2000), score = seq_len(k)) {
  variance <- round(runif(k, v_range[1], v_range[2]))
  y <- a + b * (score - mean(score)) + rnorm(k, 0, sqrt(variance))
  y <- round(pmin(100, pmax(-100, y)), 1)
  ws_case(name, y, variance, score)
}
# Random 1..5 mean-scale series: y rounded to three decimals, variances to
# four decimals in v_range.
ws_mean <- function(name, k, a, b, v_range = c(0.001, 0.5), score = seq_len(k)) {
  variance <- round(runif(k, v_range[1], v_range[2]), 4)
  y <- a + b * (score - mean(score)) + rnorm(k, 0, sqrt(variance))
  y <- round(pmin(5, pmax(1, y)), 3)
  ws_case(name, y, variance, score)
}

ws_rows <- c(
  ws_case("3 periods, NPS, increasing", c(10, 20, 30), c(400, 400, 400), 1:3),
  ws_case("3 periods, NPS, decreasing, unequal variances", c(42.5, 30.1, 12.8), c(150, 900, 2000), 1:3),
  ws_case("3 periods, NPS, flat", c(25, 25, 25), c(300, 800, 1500), 1:3),
  ws_case("4 periods, NPS, unequal scores in days", c(-12.4, -5, 3.3, 8.9), c(820, 640, 1210, 975), c(0, 31, 59, 90)),
  ws_case("5 periods, NPS, extremes -100 and 100", c(-100, -60, 0, 60, 100), c(100, 200, 300, 200, 100), 1:5),
  ws_case("5 periods, NPS, decimal scores", c(15.2, 18.9, 17.4, 22.3, 26), c(500, 450, 700, 380, 520), c(0.5, 1.5, 4, 7.25, 10)),
  ws_case("4 periods, mean scale, increasing", c(3.81, 3.92, 4.05, 4.12), c(0.01, 0.012, 0.009, 0.011), 1:4),
  ws_case("4 periods, mean scale, flat", c(4.2, 4.2, 4.2, 4.2), c(0.002, 0.05, 0.3, 0.011), 1:4),
  ws_case("6 periods, mean scale, tiny variances", c(2.501, 2.503, 2.502, 2.506, 2.507, 2.509),
          c(0.001, 0.001, 0.0012, 0.0015, 0.001, 0.0011), 1:6),
  ws_case("6 periods, mean scale, weeks as scores", c(3.4, 3.35, 3.5, 3.28, 3.22, 3.1),
          c(0.05, 0.08, 0.045, 0.12, 0.07, 0.06), c(0, 7, 14, 21, 28, 35)),
  ws_case("8 periods, NPS, gap in scores", c(5, 7.5, 6.2, 11, 12.4, 10.8, 15.5, 16),
          c(1100, 950, 1300, 1020, 880, 1500, 990, 1250), c(1, 2, 3, 5, 6, 7, 8, 9)),
  ws_case("12 periods, mean scale, month-start days",
          c(4.01, 3.98, 4.05, 4.1, 4.02, 4.11, 4.15, 4.09, 4.18, 4.2, 4.16, 4.25),
          c(0.02, 0.025, 0.018, 0.03, 0.022, 0.019, 0.027, 0.021, 0.024, 0.02, 0.026, 0.023), month_days),
  ws_nps("3 periods, NPS, random increasing", 3, 20, 8),
  ws_nps("5 periods, NPS, random decreasing", 5, 10, -6),
  ws_nps("7 periods, NPS, random flat", 7, 35, 0),
  ws_nps("10 periods, NPS, random weak trend", 10, -5, 1.5),
  ws_nps("12 periods, NPS, random, month-start days", 12, 30, 0.05, c(100, 2000), month_days),
  ws_nps("16 periods, NPS, random, small variances", 16, 45, -1, c(100, 200)),
  ws_nps("20 periods, NPS, random, large variances", 20, 0, 2, c(1500, 2000)),
  ws_nps("24 periods, NPS, random increasing", 24, 15, 1.2),
  ws_nps("24 periods, NPS, random, unequal decimal scores", 24, 25, 0.3, c(100, 2000),
         sort(sample(seq(0, 60, by = 0.5), 24))),
  ws_mean("3 periods, mean scale, random", 3, 3.5, 0.2),
  ws_mean("5 periods, mean scale, random decreasing", 5, 4, -0.1, c(0.005, 0.05)),
  ws_mean("8 periods, mean scale, random flat", 8, 3, 0),
  ws_mean("10 periods, mean scale, random, tiny variances", 10, 4.3, 0.01, c(0.001, 0.005)),
  ws_mean("12 periods, mean scale, random, month-start days", 12, 3.8, 0.001, c(0.001, 0.5), month_days),
  ws_mean("15 periods, mean scale, random increasing", 15, 2.5, 0.05),
  ws_mean("18 periods, mean scale, random weak decrease", 18, 3.9, -0.01, c(0.01, 0.1)),
  ws_mean("24 periods, mean scale, random", 24, 4, 0.02),
  ws_mean("24 periods, mean scale, random, large variances", 24, 3, -0.03, c(0.3, 0.5))
)

writeLines(paste0(
  '{\n',
  '  "generator": "R stats: prop.trend.test(x, n, score); lm(x / n ~ score, weights = n); lm(y ~ score, weights = 1 / variance); solve; pnorm",\n',
  '  "version": "', R.version.string, '",\n',
  '  "command": "Rscript tests/vectors/scripts/segments.R",\n',
  '  "note": "Numbers are printed with 17 significant digits. cochranArmitage: statistic and pValue from prop.trend.test (chi-squared, 1 df); slope is the coefficient of score in lm(x / n ~ score, weights = n) (proportion per unit score); standardError = sqrt(pbar (1 - pbar) / sum(n (score - sbar)^2)), the null standard error, with (slope / standardError)^2 = statistic. weightedSlope: w = 1 / variance; slope from lm(y ~ score, weights = w); standardError = sqrt(solve(t(X) %*% diag(w) %*% X)[2, 2]) with X = cbind(1, score) (known variances, no residual scaling); z = slope / standardError; pValue = 2 pnorm(-|z|).",\n',
  paste(section("cochranArmitage", ca_rows), section("weightedSlope", ws_rows), sep = ",\n"),
  '\n}\n'), out_trend, sep = "")
cat("wrote", out_trend, "with", length(ca_rows), "cochranArmitage and", length(ws_rows), "weightedSlope cases\n")
