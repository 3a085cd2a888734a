# Unit tests: every tests/unit/test_*.c is one Check binary in build/unit/.
#
# A test that needs sources besides its own lists them in
#   TEST_SRCS_<name> := path/a.c path/b.c
# (name without .c); the default is the codec.  `make unit-tests` builds
# them all, runs each (its runner prints the Check summary) and fails if any
# test fails.

UNIT_CC       ?= gcc
UNIT_BUILD    ?= $(or $(BUILD),build)/unit
UNIT_CFLAGS   ?= -std=c11 -Wall -Wextra -O1 -g
UNIT_CPPFLAGS := -Iinclude -Idlls/msgsock/unix
UNIT_CHECK_CFLAGS := $(shell pkg-config --cflags check)
UNIT_CHECK_LIBS   := $(shell pkg-config --libs check)

UNIT_CODEC_SRCS := dlls/msgsock/unix/ws_sockaddr.c dlls/msgsock/unix/ws_cmsg.c \
                   dlls/msgsock/unix/ws_errno.c

TEST_SRCS_test_wscodec     := $(UNIT_CODEC_SRCS)
TEST_SRCS_test_host_socket := $(UNIT_CODEC_SRCS) dlls/msgsock/unix/host_socket.c \
                              dlls/msgsock/unix/host_broadcast.c dlls/msgsock/unix/host_watched.c
TEST_SRCS_test_host_watched := $(UNIT_CODEC_SRCS) dlls/msgsock/unix/host_socket.c \
                              dlls/msgsock/unix/host_broadcast.c dlls/msgsock/unix/host_watched.c
TEST_SRCS_test_resolve_xlate := $(UNIT_CODEC_SRCS) dlls/msgsock/unix/ws_resolve.c dlls/ws2_32/ip_text.c

UNIT_TESTS := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
UNIT_BINS  := $(addprefix $(UNIT_BUILD)/,$(UNIT_TESTS))

# Sources of test $(1): its own file plus TEST_SRCS_$(1), the codec by default.
unit_srcs = tests/unit/$(1).c $(if $(TEST_SRCS_$(1)),$(TEST_SRCS_$(1)),$(UNIT_CODEC_SRCS))

.PHONY: unit-tests unit-build

unit-build: $(UNIT_BINS)

# Runs every binary even after a failure, then fails if any did.
unit-tests: $(UNIT_BINS)
	@status=0; for t in $(UNIT_BINS); do \
	    echo "== $$t"; $$t || status=1; \
	done; exit $$status

define unit_rule
$(UNIT_BUILD)/$(1): $(call unit_srcs,$(1)) $(wildcard include/msgsock/*.h dlls/msgsock/unix/*.h)
	@mkdir -p $$(@D)
	$$(UNIT_CC) $$(UNIT_CFLAGS) $$(UNIT_CPPFLAGS) $$(UNIT_CHECK_CFLAGS) -o $$@ \
	    $(call unit_srcs,$(1)) $$(UNIT_CHECK_LIBS)
endef

$(foreach t,$(UNIT_TESTS),$(eval $(call unit_rule,$(t))))
