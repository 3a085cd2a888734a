/*
 * Import-slot patching.  Wine's kernelbase and kernel32 are PE modules that
 * reach ntdll through their import tables (wine_facts.h lists which calls
 * msgsock relies on), so a wrapper in a slot sees every call they make.
 */
#include "msgsock/debug.h"
#include "import_slot.h"

BOOL import_slot_patch(HMODULE module, const char *dll, void *target, void *replacement)
{
    const IMAGE_DOS_HEADER *dos = (const IMAGE_DOS_HEADER *)module;
    const IMAGE_NT_HEADERS *nt;
    const IMAGE_DATA_DIRECTORY *dir;
    const IMAGE_IMPORT_DESCRIPTOR *desc;
    IMAGE_THUNK_DATA *thunk;
    DWORD old;

    if (!module || !target) return FALSE;
    nt = (const IMAGE_NT_HEADERS *)((const char *)module + dos->e_lfanew);
    dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT];
    if (!dir->VirtualAddress) return FALSE;
    for (desc = (const void *)((const char *)module + dir->VirtualAddress); desc->Name; desc++)
    {
        if (lstrcmpiA((const char *)module + desc->Name, dll)) continue;
        for (thunk = (void *)((char *)module + desc->FirstThunk); thunk->u1.Function; thunk++)
        {
            if ((void *)thunk->u1.Function != target) continue;
            if (!VirtualProtect(&thunk->u1.Function, sizeof(void *), PAGE_READWRITE, &old)) return FALSE;
            InterlockedExchangePointer((void **)&thunk->u1.Function, replacement);
            VirtualProtect(&thunk->u1.Function, sizeof(void *), old, &old);
            return TRUE;
        }
    }
    return FALSE;
}

/* Pins the module holding `address` (the wrappers must outlive every patched slot). */
static void import_slot_pin(const void *address)
{
    HMODULE self;

    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                       (const WCHAR *)address, &self);
}

BOOL import_slot_wrap(const WCHAR *module_name, const char *name, void *wrapper, void **real, const char *what)
{
    if (!*real) *real = (void *)GetProcAddress(GetModuleHandleW(L"ntdll.dll"), name);
    /* The wrappers live in this module: it must never unload once one is in. */
    import_slot_pin(wrapper);
    if (import_slot_patch(GetModuleHandleW(module_name), "ntdll.dll", *real, wrapper)) return TRUE;
    ERR("%ls's import of %s cannot be wrapped: %s\n", module_name, name, what);
    return FALSE;
}
