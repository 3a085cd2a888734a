# The test layered provider (tests/lsp): build/<arch>/lsp/msgsock_lsp_test.dll and the
# plain Winsock program lsp_traffic.exe, which test_lsp installs and runs.  Kept out of
# build/<arch>/tests so run-conformance does not take them for test programs; order-only
# prerequisites of test_lsp.exe so they stay off its link line.

# $(1) = arch
define lsp_rules
$(BUILD)/$(1)/lsp/msgsock_lsp_test.dll: $$(call $(1)_OBJ,tests/lsp/lsp_provider.c)
	@mkdir -p $$(@D)
	$($(1)_TRIPLE)-gcc $(PE_LDFLAGS) -o $$@ $$^ -lws2_32

$(BUILD)/$(1)/lsp/lsp_traffic.exe: $$(call $(1)_OBJ,tests/lsp/lsp_traffic.c)
	@mkdir -p $$(@D)
	$($(1)_TRIPLE)-gcc -static-libgcc -o $$@ $$^ -lws2_32

$(BUILD)/$(1)/tests/test_lsp.exe: | $(BUILD)/$(1)/lsp/msgsock_lsp_test.dll $(BUILD)/$(1)/lsp/lsp_traffic.exe
endef

$(foreach a,$(ARCHS),$(eval $(call lsp_rules,$(a))))
