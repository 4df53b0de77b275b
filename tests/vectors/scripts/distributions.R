# Reference values for src/core/stats/normal.ts, student-t.ts and beta.ts: pnorm, qnorm, pt, qt, pbeta
# and qbeta from R over a grid of arguments, written to
# tests/vectors/distributions.json.
#
# Regenerate from the repository root (Debian package r-base-core):
#   Rscript tests/vectors/scripts/distributions.R
#
# Values are printed with 17 significant digits, which identify a double
# exactly. No R package beyond base R is needed.

out <- "tests/vectors/distributions.json"

num <- function(v) {
  s <- ifelse(is.infinite(v), ifelse(v > 0, "1e999", "-1e999"), sprintf("%.17g", v))
  s[s == "-0"] <- "0"
  s
}
rows <- function(m) {
  paste0("[", apply(m, 1, function(r) paste(num(r), collapse = ", ")), "]", collapse = ",\n      ")
}
section <- function(name, columns, m) {
  sprintf('  "%s": {\n    "columns": [%s],\n    "rows": [\n      %s\n    ]\n  }',
          name, paste0('"', columns, '"', collapse = ", "), rows(m))
}

# Probabilities: extreme tails, the levels intervals use (0.5 to 0.9999, so
# alpha / 2 from 0.25 down to 5e-5), and their complements.
probs <- c(1e-300, 1e-100, 1e-20, 1e-12, 1e-8, 1e-6, 5e-5, 1e-4, 5e-4, 0.001,
           0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.49,
           0.5, 0.51, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99, 0.995,
           0.999, 0.9995, 0.9999, 0.99995, 1 - 1e-6, 1 - 1e-8, 1 - 1e-12)

# Normal distribution.
zs <- c(-38, -37.5, -30, -20, -12, -10, -8.5, -6, -5, -4, -3.5, -3, -2.5, -1.959963984540054,
        -1.5, -1, -0.75, -0.5, -0.25, -0.1, -1e-3, -1e-8, 0, 1e-8, 1e-3, 0.1, 0.25,
        0.5, 0.75, 1, 1.5, 1.959963984540054, 2.5, 3, 3.5, 4, 5, 6, 8)
pn <- cbind(zs, pnorm(zs))
qn <- cbind(probs, qnorm(probs))

# Student t: integer and fractional degrees of freedom (Welch), 1 to 1e7.
dfs <- c(1, 1.5, 2, 2.7, 3, 4.3, 5, 7.5, 10, 17.25, 30, 50, 100, 314.6, 1000, 12345.6,
         1e5, 4e5, 1e6, 1e7)
ts <- c(-1e4, -100, -30, -10, -5, -3, -2, -1, -0.5, -0.1, 0, 0.1, 0.5, 1, 2, 3, 5, 10, 30, 100)
g <- expand.grid(t = ts, df = dfs)
pt_rows <- cbind(g$t, g$df, pt(g$t, g$df))
tprobs <- c(1e-12, 1e-8, 1e-6, 5e-5, 1e-4, 5e-4, 0.001, 0.005, 0.025, 0.05, 0.1, 0.25,
            0.4, 0.6, 0.75, 0.9, 0.95, 0.975, 0.995, 0.999, 0.9995, 0.9999, 0.99995)
g <- expand.grid(p = tprobs, df = dfs)
qt_rows <- cbind(g$p, g$df, qt(g$p, g$df))

# Beta: the shapes proportion intervals use (Clopper-Pearson x, n - x + 1 and
# x + 1, n - x; Jeffreys x + 1/2, n - x + 1/2) for n up to 1e7, plus a few
# general pairs.
ns <- c(1, 2, 5, 10, 30, 100, 1000, 10000, 1e5, 1e6, 1e7)
shapes <- NULL
for (n in ns) {
  for (x in unique(c(0, 1, floor(n / 10), floor(n / 2), n - 1, n))) {
    if (x >= 1) shapes <- rbind(shapes, c(x, n - x + 1))
    if (x < n) shapes <- rbind(shapes, c(x + 1, n - x))
    shapes <- rbind(shapes, c(x + 0.5, n - x + 0.5))
  }
}
shapes <- rbind(shapes, c(0.5, 0.5), c(0.5, 1e7), c(1e7, 0.5), c(2.5, 7.25), c(123.4, 567.8),
                c(5e6, 5e6 + 1), c(3e6, 7e6 + 0.5))
shapes <- unique(shapes)
bprobs <- c(1e-100, 1e-12, 1e-6, 5e-5, 0.0005, 0.005, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75,
            0.9, 0.95, 0.975, 0.995, 0.9995, 0.99995, 1 - 1e-6)
qb <- NULL
for (i in seq_len(nrow(shapes))) {
  a <- shapes[i, 1]; b <- shapes[i, 2]
  qb <- rbind(qb, cbind(bprobs, a, b, qbeta(bprobs, a, b)))
}
# pbeta at the quantiles above (so every x lies where the distribution has
# mass), at a few fixed points, and in the far tails.
fixed <- c(1e-10, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1 - 1e-6)
pb <- NULL
for (i in seq_len(nrow(shapes))) {
  a <- shapes[i, 1]; b <- shapes[i, 2]
  xs <- qbeta(c(1e-12, 0.005, 0.025, 0.1, 0.5, 0.9, 0.975, 0.995), a, b)
  if (a + b <= 100) xs <- c(xs, fixed)
  xs <- unique(xs[xs > 0 & xs < 1])
  pb <- rbind(pb, cbind(xs, a, b, pbeta(xs, a, b)))
}

json <- paste0(
  '{\n',
  '  "generator": "R (base stats: pnorm, qnorm, pt, qt, pbeta, qbeta)",\n',
  '  "version": "', R.version.string, '",\n',
  '  "command": "Rscript tests/vectors/scripts/distributions.R",\n',
  '  "note": "Lower-tail probabilities. Numbers are printed with 17 significant digits.",\n',
  paste(
    section("pnorm", c("x", "p"), pn),
    section("qnorm", c("p", "x"), qn),
    section("pt", c("t", "df", "p"), pt_rows),
    section("qt", c("p", "df", "t"), qt_rows),
    section("pbeta", c("x", "a", "b", "p"), pb),
    section("qbeta", c("p", "a", "b", "x"), qb),
    sep = ",\n"),
  '\n}\n')
writeLines(json, out, sep = "")
cat("wrote", out, "\n")
