# Export lists (spec/): the host tool spectool, its unit test, and the checks
# of our specs against Wine 8.0's own DLLs.
#
#   make check-exports   every export of Wine's ws2_32/mswsock is in our specs with
#                        its ordinal, and the built DLLs export exactly the specs
#                        (for SPEC_CHECK_ARCHS, default: every built arch)
#   make not-yet-table   markdown table of the stubs in dlls/*/not_yet.c
#
# Included before unit.mk, which builds tests/unit/test_spectool.c from
# TEST_SRCS_test_spectool.

SPEC_HOST_CC     ?= $(or $(HOST_CC),gcc)
SPECTOOL         := $(BUILD)/host/spectool
SPECTOOL_SRCS    := tools/spectool.c tools/spec_parse.c
SPEC_DLLS        := ws2_32 mswsock
WINE_PE_DIR      ?= /usr/lib/x86_64-linux-gnu/wine/x86_64-windows
SPEC_CHECK_ARCHS ?= $(ARCHS)
NOT_YET_SRCS     := $(wildcard dlls/*/not_yet.c)

TEST_SRCS_test_spectool := tools/spec_parse.c

$(SPECTOOL): $(SPECTOOL_SRCS) tools/spec_parse.h
	@mkdir -p $(@D)
	$(SPEC_HOST_CC) -std=c11 -O2 -g -Wall -Wextra -o $@ $(SPECTOOL_SRCS)

# $(1) = dll.  Wine's spec is the same on both architectures, so one dump serves both.
define spec_check_wine
	winedump -j export $(WINE_PE_DIR)/$(1).dll > $(BUILD)/host/wine_$(1).exports
	$(SPECTOOL) compare --arch win64 spec/$(1).spec $(BUILD)/host/wine_$(1).exports
	$(SPECTOOL) compare --arch win32 spec/$(1).spec $(BUILD)/host/wine_$(1).exports

endef

# $(1) = arch, $(2) = dll: names, ordinals and forwarders of the built DLL are the spec's.
define spec_check_built
	winedump -j export $(BUILD)/$(1)/$(2).dll > $(BUILD)/$(1)/$(2).exports
	$(SPECTOOL) compare --exact --arch $(1) spec/$(2).spec $(BUILD)/$(1)/$(2).exports

endef

check-exports: $(SPECTOOL) $(foreach a,$(SPEC_CHECK_ARCHS),dlls-$(a))
	$(foreach d,$(SPEC_DLLS),$(call spec_check_wine,$(d)))
	$(foreach a,$(SPEC_CHECK_ARCHS),$(foreach d,$(SPEC_DLLS),$(call spec_check_built,$(a),$(d))))

not-yet-table: $(SPECTOOL)
	@$(SPECTOOL) not-yet $(NOT_YET_SRCS)

.PHONY: check-exports not-yet-table
