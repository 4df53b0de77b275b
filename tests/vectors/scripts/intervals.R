# Reference values from R's stats package for src/core/stats/proportion-intervals.ts, mean-interval.ts and differences.ts, written
# to tests/vectors/intervals-r.json:
# - binom.test(x, n, conf.level)$conf.int: the Clopper-Pearson interval;
# - prop.test(c(x1, x2), c(n1, n2), correct = FALSE): Pearson's chi-squared
#   statistic for two proportions, its p-value and the Wald interval for
#   p1 - p2 (the N-1 test scales the statistic by (N - 1) / N);
# - prop.test(x, n, correct = FALSE)$conf.int: the Wilson score interval;
# - t.test(x, conf.level): the Student t interval for a mean;
# - t.test(x, y): Welch's two-sample t-test.
# The t.test samples are integer scores drawn with a fixed seed and given in
# the file as n, sum and sum of squares.
#
# Regenerate from the repository root (Debian package r-base-core):
#   Rscript tests/vectors/scripts/intervals.R

out <- "tests/vectors/intervals-r.json"
num <- function(v) {
  s <- sprintf("%.17g", v)
  s[s == "-0"] <- "0"
  s
}
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste0('"', names(kv), '": ', vapply(kv, function(v) {
    if (length(v) == 1) num(v) else paste0("[", paste(num(v), collapse = ", "), "]")
  }, ""), collapse = ", "), "}")
}
section <- function(name, rows) sprintf('  "%s": [\n    %s\n  ]', name, paste(rows, collapse = ",\n    "))

levels <- c(0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 0.9999)

binom <- character()
for (n in c(1, 2, 5, 10, 30, 100, 1000, 1e5)) {
  for (x in unique(c(0, 1, floor(n / 3), floor(n / 2), n - 1, n))) {
    for (lv in levels) {
      binom <- c(binom, obj(x = x, n = n, level = lv, conf.int = binom.test(x, n, conf.level = lv)$conf.int))
    }
  }
}

wilson <- character()
for (n in c(1, 5, 10, 30, 100, 1000, 1e6)) {
  for (x in unique(c(0, 1, floor(n / 3), n - 1, n))) {
    for (lv in c(0.8, 0.95, 0.99)) {
      r <- suppressWarnings(prop.test(x, n, conf.level = lv, correct = FALSE))
      wilson <- c(wilson, obj(x = x, n = n, level = lv, conf.int = r$conf.int))
    }
  }
}

pairs <- rbind(c(56, 70, 48, 80), c(9, 10, 3, 10), c(30, 100, 45, 110), c(5, 56, 1, 29),
               c(120, 400, 95, 410), c(0, 10, 3, 20), c(10, 10, 12, 20), c(4321, 10000, 4410, 10100),
               c(500000, 1000000, 499000, 1000000), c(7, 12, 7, 12))
twoprop <- character()
for (i in seq_len(nrow(pairs))) {
  p <- pairs[i, ]
  for (lv in c(0.9, 0.95, 0.99)) {
    r <- suppressWarnings(prop.test(c(p[1], p[3]), c(p[2], p[4]), conf.level = lv, correct = FALSE))
    twoprop <- c(twoprop, obj(x1 = p[1], n1 = p[2], x2 = p[3], n2 = p[4], level = lv,
                              statistic = unname(r$statistic), p.value = r$p.value, conf.int = r$conf.int))
  }
}

set.seed(20240611)
tone <- character()
welch <- character()
summ <- function(v) c(length(v), sum(v), sum(v * v))
for (n in c(2, 3, 5, 12, 30, 100, 1000)) {
  for (scale in list(1:5, 0:10, 1:7)) {
    x <- sample(scale, n, replace = TRUE)
    if (var(x) == 0) x[1] <- if (x[1] == max(scale)) min(scale) else max(scale)
    for (lv in c(0.9, 0.95, 0.99)) {
      r <- t.test(x, conf.level = lv)
      s <- summ(x)
      tone <- c(tone, obj(n = s[1], sum = s[2], sumSquares = s[3], level = lv, conf.int = r$conf.int,
                          statistic = unname(r$statistic), df = unname(r$parameter), p.value = r$p.value))
    }
    m <- max(2, round(n * 1.7))
    y <- sample(scale, m, replace = TRUE)
    if (var(y) == 0) y[1] <- if (y[1] == max(scale)) min(scale) else max(scale)
    r <- t.test(x, y)
    s1 <- summ(x); s2 <- summ(y)
    welch <- c(welch, obj(n1 = s1[1], sum1 = s1[2], sumSquares1 = s1[3], n2 = s2[1], sum2 = s2[2],
                          sumSquares2 = s2[3], statistic = unname(r$statistic), df = unname(r$parameter),
                          p.value = r$p.value, conf.int = r$conf.int))
  }
}

json <- paste0(
  '{\n',
  '  "generator": "R stats: binom.test, prop.test (correct = FALSE), t.test",\n',
  '  "version": "', R.version.string, '",\n',
  '  "command": "Rscript tests/vectors/scripts/intervals.R",\n',
  '  "note": "Numbers are printed with 17 significant digits. prop.test statistic is Pearson\'s X-squared (1 df).",\n',
  paste(section("binomTest", binom), section("wilson", wilson), section("twoProportions", twoprop),
        section("tTest", tone), section("welch", welch), sep = ",\n"),
  '\n}\n')
writeLines(json, out, sep = "")
cat("wrote", out, "\n")
