/* The benchmark runner shared by msgbench.exe and msgbench_native: repeat, take the median, print. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_runner.h"

#define MAX_RUNS     15
#define GSO_SEGMENTS 50     /* 50 x 1200 bytes per UDP_SEND_MSG_SIZE / UDP_SEGMENT send */

static const struct workload workloads[] =
{
    { "w1-flood", 64, "msg/s", bench_flood, 1 },
    { "w1-flood", 1200, "msg/s", bench_flood, 1 },
    { "w2-pingpong", 64, "rt/s", bench_pingpong, MECH_NONE },
    { "w2-pingpong", 1200, "rt/s", bench_pingpong, MECH_NONE },
    { "w3-event", 64, "rt/s", bench_pingpong, MECH_EVENT },
    { "w3-event", 1200, "rt/s", bench_pingpong, MECH_EVENT },
    { "w3-apc", 64, "rt/s", bench_pingpong, MECH_APC },
    { "w3-apc", 1200, "rt/s", bench_pingpong, MECH_APC },
    { "w3-iocp", 64, "rt/s", bench_pingpong, MECH_IOCP },
    { "w3-iocp", 1200, "rt/s", bench_pingpong, MECH_IOCP },
    { "w4-single", 1200, "B/s", bench_flood, 1 },
    { "w4-gso", 1200, "B/s", bench_flood, GSO_SEGMENTS },
};

struct bench_options bench_opt = { 5, 1000, 0, NULL };

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

/* Runs one workload bench_opt.runs times and prints the median; 0 if a run failed. */
static int measure(const struct workload *w)
{
    double values[MAX_RUNS];
    struct run_info info, worst = { 0 };
    int i, n = 0;

    for (i = 0; i < bench_opt.runs; i++)
    {
        memset(&info, 0, sizeof(info));
        values[n] = w->run(w, &info);
        if (info.unsupported) return 1;
        if (!info.failed) n++;
        worst.failed |= info.failed;
        worst.invalid |= info.invalid;
        strcpy(worst.note, info.note);
    }
    qsort(values, n, sizeof(values[0]), compare_double);
    printf("RESULT %s %u %.0f %s runs=%d status=%s %s\n", w->name, w->size, n ? values[n / 2] : 0.0, w->unit,
           n, worst.invalid ? "invalid" : worst.failed ? "failed" : "ok", worst.note);
    fflush(stdout);
    return !worst.failed && !worst.invalid;
}

void bench_parse_args(const char *prog, int argc, char **argv)
{
    int i;

    for (i = 1; i < argc; i++)
    {
        if (!strcmp(argv[i], "--smoke")) { bench_opt.smoke = 1; bench_opt.runs = 1; bench_opt.ms = 30; }
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc) bench_opt.runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--ms") && i + 1 < argc) bench_opt.ms = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--only") && i + 1 < argc) bench_opt.only = argv[++i];
        else break;
    }
    if (i < argc || bench_opt.runs < 1 || bench_opt.runs > MAX_RUNS || !bench_opt.ms)
    {
        fprintf(stderr, "usage: %s [--smoke] [--runs 1..%d] [--ms MS] [--only WORKLOAD]\n", prog, MAX_RUNS);
        exit(2);
    }
}

int bench_run(const char *prog)
{
    size_t i;
    int failures = 0;

    for (i = 0; i < sizeof(workloads) / sizeof(workloads[0]); i++)
        /* A name or its beginning: --only w3 runs every w3 workload. */
        if (!bench_opt.only || !strncmp(bench_opt.only, workloads[i].name, strlen(bench_opt.only)))
            failures += !measure(&workloads[i]);
    if (bench_opt.smoke) printf("%s smoke: %s\n", prog, failures ? "FAILED" : "ok");
    return bench_opt.smoke && failures ? 1 : 0;
}
