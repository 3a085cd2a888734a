# Extra link inputs of the conformance programs (added as prerequisites of the
# .exe: the Makefile's link recipe links all of them, before -lws2_32).
#
# test_exports: the export tables of spec/ws2_32.spec and spec/mswsock.spec
#   (spectool c-table), and import libraries with NONAME entries (dlltool) for the
#   BY_ORDINAL(dll, n) lines of test_exports.c, so that it imports by ordinal.
# test_not_yet: the list of stubs in dlls/*/not_yet.c (spectool not-yet).
# SPECTOOL and NOT_YET_SRCS come from tests/unit/spec.mk.

# $(1) = arch
define conformance_extra_rules
$(BUILD)/$(1)/gen/%_exports.c: spec/%.spec $(SPECTOOL)
	@mkdir -p $$(@D)
	$(SPECTOOL) c-table --arch $(1) --symbol $$*_exports $$< > $$@

$(BUILD)/$(1)/gen/not_yet_stubs.c: $(NOT_YET_SRCS) $(SPECTOOL)
	@mkdir -p $$(@D)
	$(SPECTOOL) not-yet --symbol not_yet_stubs $(NOT_YET_SRCS) > $$@

$(BUILD)/$(1)/gen/%.o: $(BUILD)/$(1)/gen/%.c
	$($(1)_TRIPLE)-gcc -std=gnu11 -O2 -Wall -c $$< -o $$@

$(BUILD)/$(1)/gen/%_by_ordinal.def: tests/conformance/test_exports.c
	@mkdir -p $$(@D)
	{ echo "LIBRARY $$*.dll"; echo "EXPORTS"; \
	  sed -n 's/.*BY_ORDINAL($$*, *\([0-9][0-9]*\)).*/  $$*_ordinal_\1 @\1 NONAME DATA/p' $$<; } > $$@

$(BUILD)/$(1)/gen/lib%_by_ordinal.a: $(BUILD)/$(1)/gen/%_by_ordinal.def
	$($(1)_TRIPLE)-dlltool -d $$< -l $$@

$(BUILD)/$(1)/tests/test_exports.exe: $(BUILD)/$(1)/gen/ws2_32_exports.o $(BUILD)/$(1)/gen/mswsock_exports.o \
    $(BUILD)/$(1)/gen/libws2_32_by_ordinal.a $(BUILD)/$(1)/gen/libmswsock_by_ordinal.a
$(BUILD)/$(1)/tests/test_not_yet.exe: $(BUILD)/$(1)/gen/not_yet_stubs.o
endef

$(foreach a,$(ARCHS),$(eval $(call conformance_extra_rules,$(a))))
.SECONDARY: $(foreach a,$(ARCHS),$(foreach d,ws2_32 mswsock,$(BUILD)/$(a)/gen/$(d)_exports.c \
                $(BUILD)/$(a)/gen/$(d)_by_ordinal.def) $(BUILD)/$(a)/gen/not_yet_stubs.c)

# The readiness tests share loopback socket pairs (sock_util.c).
SOCK_UTIL_TESTS := test_select test_poll test_eventselect test_ioctl test_ioctl_overlapped
$(foreach a,$(ARCHS),$(foreach t,$(SOCK_UTIL_TESTS),\
    $(eval $(BUILD)/$(a)/tests/$(t).exe: $(BUILD)/$(a)/obj/tests/conformance/sock_util.o)))
