/*
 * What msgbench.c (Windows) and msgbench_native.c (Linux) share: the workload
 * table's shape, the options, and the runner that repeats each workload and
 * prints its median as "RESULT <workload> <size> <median> <unit> runs=<n>
 * status=<ok|failed|invalid> <notes>" (tools/run-bench reads these lines).
 * Plain C, built by mingw-w64 and by the host compiler.
 */
#ifndef MSGSOCK_BENCH_RUNNER_H
#define MSGSOCK_BENCH_RUNNER_H

#include <stddef.h>

struct run_info
{
    int failed;         /* no figure: data did not arrive */
    int invalid;        /* a figure, but for the wrong thing (e.g. segmentation ignored) */
    int unsupported;    /* no equivalent on this platform: no line printed */
    char note[96];
};

/* How a ping-pong client learns of completions.  Natively: blocking, poll(), -, epoll. */
enum bench_mech { MECH_NONE, MECH_EVENT, MECH_APC, MECH_IOCP };

struct workload
{
    const char *name;
    unsigned int size;  /* datagram (segment) bytes */
    const char *unit;   /* "msg/s", "rt/s" or "B/s" */
    double (*run)(const struct workload *w, struct run_info *info);
    int arg;            /* datagrams per send (floods), enum bench_mech (ping-pongs) */
};

/* Each program defines these two; the runner's table calls them. */
double bench_flood(const struct workload *w, struct run_info *info);
double bench_pingpong(const struct workload *w, struct run_info *info);

struct bench_options
{
    int runs;
    unsigned int ms;    /* duration of one run */
    int smoke;          /* a few ms each, only "did data arrive" */
    const char *only;   /* one workload by name */
};

/* Set by bench_parse_args before any workload runs, read-only afterwards. */
extern struct bench_options bench_opt;

/* [--smoke] [--runs N] [--ms MS] [--only NAME]; exits with usage on anything else. */
void bench_parse_args(const char *prog, int argc, char **argv);
/* Measures every selected workload; the exit status: 1 if a smoke run moved no data. */
int bench_run(const char *prog);

#endif
