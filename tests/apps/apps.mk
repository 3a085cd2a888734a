# Test support for tools/check-apps: the stand-in bcryptprimitives.dll (ProcessPrng) that
# lets Bun start on a Wine without one.  Under build/<arch>/apps, out of run-conformance's way.

# $(1) = arch
define apps_rules
$(BUILD)/$(1)/apps/bcryptprimitives.dll: $$(call $(1)_OBJ,tests/apps/prng/bcryptprimitives.c) tests/apps/prng/bcryptprimitives.def
	@mkdir -p $$(@D)
	$($(1)_TRIPLE)-gcc $(PE_LDFLAGS) -o $$@ $$^ -ladvapi32

apps-$(1): $(BUILD)/$(1)/apps/bcryptprimitives.dll
endef

$(foreach a,$(ARCHS),$(eval $(call apps_rules,$(a))))
