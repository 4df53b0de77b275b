/*
 * Reference outputs of xoshiro128** and of the seeding of src/core/stats/random.ts and src/core/stats/nps-bootstrap.ts,
 * from the C reference algorithm (Blackman and Vigna, xoshiro128starstar.c) and
 * SplitMix32 with MurmurHash3's finalizer, in unsigned 32-bit C arithmetic.
 * Written to tests/vectors/xoshiro128ss.json.
 *
 * Regenerate from the repository root:
 *   gcc -O2 -o /tmp/xoshiro128ss tests/vectors/scripts/xoshiro128ss.c && /tmp/xoshiro128ss > tests/vectors/xoshiro128ss.json
 */
#include <stdint.h>
#include <stdio.h>

static uint32_t s[4];

static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static uint32_t next(void) {
  const uint32_t result = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

static uint32_t sm;

static uint32_t splitmix32(void) {
  sm += 0x9e3779b9u;
  uint32_t z = sm;
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}

static void outputs(int count) {
  printf("[");
  for (int i = 0; i < count; i++) printf("%s%u", i ? ", " : "", next());
  printf("]");
}

int main(void) {
  const uint32_t states[2][4] = {{1, 2, 3, 4}, {0xdeadbeefu, 0x01234567u, 0x89abcdefu, 0xfeedfaceu}};
  const long long seeds[5] = {0, 1, 2, -1, 123456789012345LL};
  printf("{\n  \"generator\": \"tests/vectors/scripts/xoshiro128ss.c (C reference algorithm)\",\n");
  printf("  \"command\": \"gcc -O2 -o /tmp/xoshiro128ss tests/vectors/scripts/xoshiro128ss.c && /tmp/xoshiro128ss > tests/vectors/xoshiro128ss.json\",\n");
  printf("  \"fromState\": [\n");
  for (int j = 0; j < 2; j++) {
    for (int i = 0; i < 4; i++) s[i] = states[j][i];
    printf("    {\"state\": [%u, %u, %u, %u], \"outputs\": ", s[0], s[1], s[2], s[3]);
    outputs(8);
    printf("}%s\n", j < 1 ? "," : "");
  }
  printf("  ],\n  \"fromSeed\": [\n");
  for (int j = 0; j < 5; j++) {
    const long long seed = seeds[j];
    /* seed = high 2^32 + low, 0 <= low < 2^32 (floor division) */
    const long long high = seed >= 0 ? seed / 4294967296LL : -((-seed + 4294967295LL) / 4294967296LL);
    sm = (uint32_t)(seed - high * 4294967296LL);
    const uint32_t first = splitmix32();
    sm = ((uint32_t)high) ^ first;
    for (int i = 0; i < 4; i++) s[i] = splitmix32();
    printf("    {\"seed\": %lld, \"outputs\": ", seed);
    outputs(8);
    printf("}%s\n", j < 4 ? "," : "");
  }
  printf("  ]\n}\n");
  return 0;
}
