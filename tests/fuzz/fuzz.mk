# libFuzzer target for the codec (clang with -fsanitize=fuzzer,address,undefined).
#
#   make fuzz-smoke   build, then a bounded run from the committed seeds
#   make fuzz         a longer run (FUZZ_TIME seconds)
# New inputs go to $(FUZZ_BUILD)/corpus; tests/fuzz/corpus is only read.

FUZZ_CC        ?= clang
FUZZ_BUILD     ?= $(or $(BUILD),build)/fuzz
FUZZ_CFLAGS    ?= -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
                  -fno-sanitize-recover=undefined
FUZZ_CPPFLAGS  := -Iinclude -Idlls/msgsock/unix
FUZZ_SRCS      := tests/fuzz/fuzz_wscodec.c dlls/msgsock/unix/ws_sockaddr.c \
                  dlls/msgsock/unix/ws_cmsg.c dlls/msgsock/unix/ws_errno.c
FUZZ_BIN       := $(FUZZ_BUILD)/fuzz_wscodec
FUZZ_SEEDS     := tests/fuzz/corpus
FUZZ_SMOKE_TIME ?= 20
FUZZ_SMOKE_RUNS ?= 2000000
FUZZ_TIME      ?= 600

.PHONY: fuzz-build fuzz-smoke fuzz

fuzz-build: $(FUZZ_BIN)

$(FUZZ_BIN): $(FUZZ_SRCS) $(wildcard include/msgsock/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) -o $@ $(FUZZ_SRCS)

# Runs the fuzzer for $(1) seconds, at most $(2) inputs (-1: no cap).
define fuzz_run
@mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/artifacts
$(FUZZ_BIN) -max_total_time=$(1) -runs=$(2) -print_final_stats=1 \
    -artifact_prefix=$(FUZZ_BUILD)/artifacts/ $(FUZZ_BUILD)/corpus $(FUZZ_SEEDS)
endef

fuzz-smoke: $(FUZZ_BIN)
	$(call fuzz_run,$(FUZZ_SMOKE_TIME),$(FUZZ_SMOKE_RUNS))

fuzz: $(FUZZ_BIN)
	$(call fuzz_run,$(FUZZ_TIME),-1)
