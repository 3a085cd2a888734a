# Benchmarks: msgbench.exe (Windows, run under Wine on msgsock and on Wine's builtin)
# and msgbench_native (its Linux twin).  `make bench` runs all three through
# tools/run-bench and prints one table; never part of `make check` (timings).
BENCH_EXE    := $(BUILD)/x86_64/bench/msgbench.exe
BENCH_NATIVE := $(BUILD)/native/msgbench_native

$(BENCH_EXE): $(call x86_64_OBJ,tests/bench/msgbench.c tests/bench/bench_runner.c tests/conformance/msg_util.c)
	@mkdir -p $(@D)
	$(x86_64_CC) -static-libgcc -o $@ $^ -lws2_32

$(BENCH_NATIVE): tests/bench/msgbench_native.c tests/bench/bench_runner.c tests/bench/bench_runner.h
	@mkdir -p $(@D)
	$(HOST_CC) -std=gnu11 -O2 -g -Wall -Wextra -o $@ $(filter %.c,$^) -pthread

bench-progs: $(BENCH_EXE) $(BENCH_NATIVE)
all: bench-progs

bench: dlls-x86_64 bench-progs
	tools/run-bench

.PHONY: bench bench-progs
