# msgsock: Windows ws2_32.dll / mswsock.dll for Wine, built with stock Debian
# mingw-w64, plus the helper (msgsock.dll, builtin-marked, and msgsock.so).
#
#   make            build every architecture whose cross compiler is present
#   make demo       install missing packages, build, run the demonstration under Wine
#   make check      install missing packages, build, run every test (closing "N passed, N failed")
#   make bench      benchmarks
#   make wine-suite Wine's own ws2_32 tests on builtin and on msgsock (tools/wine-suite)

BUILD     ?= build
WINEBUILD ?= winebuild
HOST_CC   ?= gcc

have = $(shell command -v $(1) >/dev/null 2>&1 && echo yes)
ARCHS ?= x86_64 $(if $(call have,i686-w64-mingw32-gcc),i686)

x86_64_TRIPLE := x86_64-w64-mingw32
i686_TRIPLE   := i686-w64-mingw32
x86_64_M      := -m64
i686_M        := -m32
# The unix library for i686 needs a 32-bit host libc (gcc-multilib); optional.
x86_64_HOST_CC := $(HOST_CC)
i686_HOST_CC   := $(shell echo 'int main(void){return 0;}' | $(HOST_CC) -m32 -x c - -o /dev/null 2>/dev/null && echo "$(HOST_CC) -m32")

PE_CFLAGS  := -std=gnu11 -O2 -g -Wall -Wextra -Wno-unused-parameter -Wno-cast-function-type -Wno-missing-field-initializers -Werror=int-conversion -Werror=implicit-function-declaration -Werror=incompatible-pointer-types \
              -Iinclude -D_WIN32_WINNT=0x0A00 -DWINVER=0x0A00 -DWIN32_LEAN_AND_MEAN -DWINSOCK_API_LINKAGE=
PE_LDFLAGS := -shared -static-libgcc -Wl,--kill-at -Wl,--enable-stdcall-fixup
UNIX_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Wno-unused-parameter -fPIC -fvisibility=hidden \
               -Iinclude -Idlls/msgsock/unix

COMMON_SRCS  := $(wildcard dlls/common/*.c)
WS2_32_SRCS  := $(wildcard dlls/ws2_32/*.c) $(COMMON_SRCS) $(EXTRA_WS2_32_SRCS)
MSWSOCK_SRCS := $(wildcard dlls/mswsock/*.c dlls/mswsock/wine/*.c) $(COMMON_SRCS) $(EXTRA_MSWSOCK_SRCS)
HELPER_SRCS  := $(wildcard dlls/msgsock/*.c)
UNIX_SRCS    := $(wildcard dlls/msgsock/unix/*.c)
HARNESS_SRCS := tests/conformance/harness.c tests/conformance/msg_util.c tests/conformance/msg_fixture.c tests/conformance/tcp_util.c
CONF_TESTS   := $(basename $(notdir $(wildcard tests/conformance/test_*.c)))
DEMO_SRCS    := demo/msgdemo.c
EXAMPLES     := $(basename $(notdir $(wildcard examples/*.c)))

all: $(foreach a,$(ARCHS),dlls-$(a) tests-$(a))

# $(1) = arch
define pe_rules
$(1)_DIR := $(BUILD)/$(1)
$(1)_CC  := $($(1)_TRIPLE)-gcc
$(1)_OBJ = $$(patsubst %.c,$(BUILD)/$(1)/obj/%.o,$$(1))

$(BUILD)/$(1)/obj/%.o: %.c
	@mkdir -p $$(@D)
	$$($(1)_CC) $(PE_CFLAGS) -MMD -MP -c $$< -o $$@

$(BUILD)/$(1)/%.def: spec/%.spec
	@mkdir -p $$(@D)
	$(WINEBUILD) --def $($(1)_M) -b $($(1)_TRIPLE) -E $$< -o $$@

# The helper's PE half carries Wine's builtin marker so Wine pairs it with msgsock.so.
$(BUILD)/$(1)/msgsock.dll: $$(call $(1)_OBJ,$(HELPER_SRCS)) $(BUILD)/$(1)/msgsock.def
	$$($(1)_CC) $(PE_LDFLAGS) -o $$@ $$^
	$(WINEBUILD) --builtin $$@

# From the decorated .def, so i686 stdcall references (name@N) bind to the undecorated exports.
$(BUILD)/$(1)/libmsgsock.a: $(BUILD)/$(1)/msgsock.def
	$($(1)_TRIPLE)-dlltool -k -d $$< -D msgsock.dll -l $$@

$(BUILD)/$(1)/mswsock.dll: $$(call $(1)_OBJ,$(MSWSOCK_SRCS)) $(BUILD)/$(1)/mswsock.def $(BUILD)/$(1)/libmsgsock.a
	$$($(1)_CC) $(PE_LDFLAGS) -o $$@ $$(filter-out %.a,$$^) -L$(BUILD)/$(1) -lmsgsock -lntdll -liphlpapi

$(BUILD)/$(1)/ws2_32.dll: $$(call $(1)_OBJ,$(WS2_32_SRCS)) $(BUILD)/$(1)/ws2_32.def $(BUILD)/$(1)/libmsgsock.a
	$$($(1)_CC) $(PE_LDFLAGS) -o $$@ $$(filter-out %.a,$$^) -L$(BUILD)/$(1) -lmsgsock -lntdll -liphlpapi

$(BUILD)/$(1)/msgsock.so: $(UNIX_SRCS) $(wildcard include/msgsock/*.h dlls/msgsock/unix/*.h)
	@mkdir -p $$(@D)
	$$(if $$($(1)_HOST_CC),$$($(1)_HOST_CC) $(UNIX_CFLAGS) -shared -o $$@ $(UNIX_SRCS),@echo "no $(1) host compiler: $$@ not built")

dlls-$(1): $(BUILD)/$(1)/ws2_32.dll $(BUILD)/$(1)/mswsock.dll $(BUILD)/$(1)/msgsock.dll \
           $$(if $$($(1)_HOST_CC),$(BUILD)/$(1)/msgsock.so)

# Test programs link against mingw's stock import libraries, like any unmodified program.
# tests/conformance/conformance.mk may add prerequisites (objects, import libraries) to a test.
$(BUILD)/$(1)/tests/%.exe: $(BUILD)/$(1)/obj/tests/conformance/%.o $$(call $(1)_OBJ,$(HARNESS_SRCS))
	@mkdir -p $$(@D)
	$$($(1)_CC) -static-libgcc -o $$@ $$^ -lws2_32 -lmswsock -liphlpapi

$(BUILD)/$(1)/msgdemo.exe: $$(call $(1)_OBJ,$(DEMO_SRCS))
	$$($(1)_CC) -static-libgcc -o $$@ $$^ -lws2_32

# The example programs: ordinary Windows programs, linked like any other.
$(BUILD)/$(1)/examples/%.exe: $(BUILD)/$(1)/obj/examples/%.o
	@mkdir -p $$(@D)
	$$($(1)_CC) -static-libgcc -o $$@ $$^ -lws2_32

tests-$(1): $$(foreach t,$(CONF_TESTS),$(BUILD)/$(1)/tests/$$(t).exe) $(BUILD)/$(1)/msgdemo.exe \
            $$(foreach e,$(EXAMPLES),$(BUILD)/$(1)/examples/$$(e).exe)

-include $$(shell find $(BUILD)/$(1)/obj -name '*.d' 2>/dev/null)
endef

$(foreach a,$(ARCHS),$(eval $(call pe_rules,$(a))))

-include tests/unit/spec.mk
-include tests/unit/unit.mk
-include tests/fuzz/fuzz.mk
-include tests/conformance/conformance.mk
-include tests/lsp/lsp.mk
-include tests/bench/bench.mk
-include tests/apps/apps.mk

deps:
	tools/install-deps

# README's two commands: `make demo` and `make check`.  Both install what is missing first.
demo: deps
	$(MAKE) dlls-x86_64 $(BUILD)/x86_64/msgdemo.exe
	tools/msgsock-run $(BUILD)/x86_64/msgdemo.exe

check: deps
	tools/run-tests

# Node.js, Deno and Bun from npm on both stacks (tools/check-apps; fetches into a cache
# outside the repository).
check-apps: deps
	tools/install-deps openssl iproute2
	command -v npm >/dev/null || tools/install-deps npm   # any npm will do (here: nodejs's)
	tools/check-apps

# Wine's own ws2_32 tests (sock, afd, protocol) on builtin and on msgsock: tools/wine-suite.
wine-suite: dlls-x86_64
	tools/install-deps dpkg-dev xz-utils      # apt-get source unpacks with dpkg-source
	tools/wine-suite

# The same on msgsock only, against tests/wine-suite/expected-msgsock.txt (for CI).
wine-suite-check: dlls-x86_64
	tools/install-deps dpkg-dev xz-utils
	tools/wine-suite --check

clean:
	rm -rf $(BUILD)

.PHONY: all deps demo check check-apps clean wine-suite wine-suite-check $(foreach a,$(ARCHS),dlls-$(a) tests-$(a))
.DELETE_ON_ERROR:
# Keep the harness objects between links.
.SECONDARY:
