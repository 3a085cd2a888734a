/* Unit tests of tools/spec_parse.c: .spec lines, ordinals, winedump rows, NOT_YET markers. */
#include <check.h>
#include "run_suite.h"
#include <stdlib.h>
#include <string.h>

#include "../../tools/spec_parse.h"

static struct spec_entry entry;
static char err[256];

static int parse(const char *line)
{
    err[0] = 0;
    return spec_parse_line(line, 7, &entry, err, sizeof(err));
}

START_TEST(explicit_ordinal_and_args)
{
    ck_assert_int_eq(parse("1   stdcall accept(long ptr ptr)\n"), 1);
    ck_assert_int_eq(entry.line, 7);
    ck_assert_int_eq(entry.ordinal, 1);
    ck_assert_int_eq(entry.explicit_ordinal, 1);
    ck_assert_int_eq(entry.kind, SPEC_STDCALL);
    ck_assert_str_eq(entry.name, "accept");
    ck_assert_int_eq(entry.nargs, 3);
    ck_assert_str_eq(entry.args[0], "long");
    ck_assert_str_eq(entry.args[2], "ptr");
    ck_assert_str_eq(entry.target, "");
    ck_assert_int_eq(entry.archs, SPEC_ALL_ARCHS);
    ck_assert_int_eq(parse("116 stdcall WSACleanup()"), 1);
    ck_assert_int_eq(entry.nargs, 0);
    ck_assert_int_eq(parse("2 cdecl -norelay printf_like(str) impl_name"), 1);
    ck_assert_int_eq(entry.kind, SPEC_CDECL);
    ck_assert_str_eq(entry.target, "impl_name");
    ck_assert_int_eq(entry.forward, 0);
}
END_TEST

START_TEST(at_ordinal)
{
    ck_assert_int_eq(parse("@ stdcall msgsock_module_info(ptr)"), 1);
    ck_assert_int_eq(entry.ordinal, -1);
    ck_assert_int_eq(entry.explicit_ordinal, 0);
    ck_assert_str_eq(entry.name, "msgsock_module_info");
}
END_TEST

START_TEST(forwarders)
{
    ck_assert_int_eq(parse("86  stdcall WSAResetEvent(ptr) kernel32.ResetEvent"), 1);
    ck_assert_int_eq(entry.forward, 1);
    ck_assert_str_eq(entry.target, "kernel32.ResetEvent");
    ck_assert_int_eq(parse("2  stdcall EnumProtocolsA(ptr ptr ptr) ws2_32.WSAEnumProtocolsA # same"), 1);
    ck_assert_str_eq(entry.target, "ws2_32.WSAEnumProtocolsA");
    ck_assert_int_eq(parse("3 stdcall a() kernel32."), -1);
    ck_assert_int_eq(parse("3 stdcall a() .ResetEvent"), -1);
    ck_assert_int_eq(parse("3 stdcall a() a.b.c"), -1);
    ck_assert_int_eq(parse("3 stdcall a() kernel32.ResetEvent extra"), -1);
}
END_TEST

START_TEST(stub_and_extern_lines)
{
    ck_assert_int_eq(parse("500 stub WEP"), 1);
    ck_assert_int_eq(entry.kind, SPEC_STUB);
    ck_assert_int_eq(entry.nargs, -1);
    ck_assert_int_eq(entry.ordinal, 500);
    ck_assert_int_eq(parse("@ stub Foo(long ptr)"), 1);
    ck_assert_int_eq(entry.nargs, 2);
    ck_assert_int_eq(parse("@ extern some_variable"), 1);
    ck_assert_int_eq(entry.kind, SPEC_EXTERN);
    ck_assert_int_eq(parse("@ extern some_variable(long)"), -1);
}
END_TEST

START_TEST(comments_and_blank_lines)
{
    ck_assert_int_eq(parse(""), 0);
    ck_assert_int_eq(parse("   \t\n"), 0);
    ck_assert_int_eq(parse("# 1 stdcall accept(long ptr ptr)"), 0);
    ck_assert_int_eq(parse("   # indented comment"), 0);
    ck_assert_int_eq(parse("1 stdcall a(long) # trailing comment"), 1);
    ck_assert_int_eq(entry.nargs, 1);
    ck_assert_int_eq(parse("500 stub WEP # comment"), 1);
}
END_TEST

START_TEST(flags)
{
    ck_assert_int_eq(parse("7 stdcall -noname -private hidden(long)"), 1);
    ck_assert_int_eq(entry.flags, SPEC_NONAME | SPEC_PRIVATE);
    ck_assert_int_eq(parse("@ stdcall -arch=win64 WSCEnumProtocols32(ptr ptr ptr ptr)"), 1);
    ck_assert_int_eq(entry.archs, SPEC_ARCH_BIT(SPEC_X86_64));
    ck_assert_int_eq(spec_for_arch(&entry, SPEC_X86_64), 1);
    ck_assert_int_eq(spec_for_arch(&entry, SPEC_I386), 0);
    ck_assert_int_eq(parse("@ stdcall -arch=!win64 a()"), 1);
    ck_assert_int_eq(entry.archs, SPEC_ARCH_BIT(SPEC_I386));
    ck_assert_int_eq(parse("@ stdcall -arch=win32,x86_64 a()"), 1);
    ck_assert_int_eq(entry.archs, SPEC_ALL_ARCHS);
    ck_assert_int_eq(parse("@ stdcall -arch=arm64 a()"), 1);
    ck_assert_int_eq(entry.archs, 0);
    ck_assert_int_eq(parse("@ stdcall -arch=sparc a()"), -1);
    ck_assert_int_eq(parse("@ stdcall -frobnicate a()"), -1);
    ck_assert_int_eq(parse("@ stdcall -noname a()"), -1);
    ck_assert_ptr_nonnull(strstr(err, "explicit ordinal"));
}
END_TEST

START_TEST(malformed_lines)
{
    ck_assert_int_eq(parse("x stdcall a()"), -1);
    ck_assert_ptr_nonnull(strstr(err, "ordinal"));
    ck_assert_int_eq(parse("0 stdcall a()"), -1);
    ck_assert_int_eq(parse("70000 stdcall a()"), -1);
    ck_assert_int_eq(parse("1"), -1);
    ck_assert_int_eq(parse("1 fastcall a()"), -1);
    ck_assert_ptr_nonnull(strstr(err, "fastcall"));
    ck_assert_int_eq(parse("1 stdcall (long)"), -1);
    ck_assert_int_eq(parse("1 stdcall 9lives()"), -1);
    ck_assert_int_eq(parse("1 stdcall a"), -1);
    ck_assert_ptr_nonnull(strstr(err, "argument list"));
    ck_assert_int_eq(parse("1 stdcall a(long quux)"), -1);
    ck_assert_ptr_nonnull(strstr(err, "quux"));
    ck_assert_int_eq(parse("1 stdcall a(long ptr"), -1);
    ck_assert_int_eq(parse("1 stdcall a(long # ptr)"), -1);
    ck_assert_int_eq(parse("1 stub a-b"), -1);
}
END_TEST

START_TEST(stack_bytes)
{
    ck_assert_int_eq(parse("1 stdcall a(long ptr int64 double str wstr)"), 1);
    ck_assert_int_eq(spec_stack_bytes(&entry), 4 + 4 + 8 + 8 + 4 + 4);
    ck_assert_int_eq(parse("1 stdcall a()"), 1);
    ck_assert_int_eq(spec_stack_bytes(&entry), 0);
    ck_assert_int_eq(parse("1 cdecl a(long long)"), 1);
    ck_assert_int_eq(spec_stack_bytes(&entry), 0);
}
END_TEST

/* A list parsed from text through a temporary stream, as spectool reads files. */
static int parse_text(const char *text, struct spec_list *list, char *report, size_t size)
{
    FILE *in = tmpfile(), *errout = tmpfile();
    int errors;
    size_t len;

    ck_assert_ptr_nonnull(in);
    ck_assert_ptr_nonnull(errout);
    fputs(text, in);
    rewind(in);
    memset(list, 0, sizeof(*list));
    errors = spec_parse_stream(in, "t.spec", list, errout);
    rewind(errout);
    len = fread(report, 1, size - 1, errout);
    report[len] = 0;
    fclose(in);
    fclose(errout);
    return errors;
}

START_TEST(stream_reports_lines)
{
    struct spec_list list;
    char report[512];

    ck_assert_int_eq(parse_text("# header\n1 stdcall a()\nbogus\n\n@ stdcall b(long)\n2 stdcall c(what)\n",
                                &list, report, sizeof(report)), 2);
    ck_assert_int_eq(list.count, 2);
    ck_assert_str_eq(list.items[1].name, "b");
    ck_assert_int_eq(list.items[1].line, 5);
    ck_assert_ptr_nonnull(strstr(report, "t.spec:3: "));
    ck_assert_ptr_nonnull(strstr(report, "t.spec:6: "));
    spec_list_free(&list);
}
END_TEST

START_TEST(ordinal_assignment)
{
    struct spec_list list;
    char report[256];

    /* base = lowest explicit ordinal, then the lowest free ones in file order */
    ck_assert_int_eq(parse_text("@ stdcall a()\n10 stdcall b()\n@ stdcall c()\n12 stdcall d()\n@ stdcall e()\n",
                                &list, report, sizeof(report)), 0);
    ck_assert_int_eq(spec_assign_ordinals(&list, SPEC_X86_64, err, sizeof(err)), 0);
    ck_assert_int_eq(list.items[0].ordinal, 11);
    ck_assert_int_eq(list.items[1].ordinal, 10);
    ck_assert_int_eq(list.items[2].ordinal, 13);
    ck_assert_int_eq(list.items[4].ordinal, 14);
    ck_assert_ptr_eq(spec_find_name(&list, SPEC_X86_64, "e"), &list.items[4]);
    ck_assert_ptr_null(spec_find_name(&list, SPEC_X86_64, "z"));
    spec_list_free(&list);

    /* no explicit ordinal: from 1 */
    ck_assert_int_eq(parse_text("@ stdcall a()\n@ stdcall b()\n", &list, report, sizeof(report)), 0);
    ck_assert_int_eq(spec_assign_ordinals(&list, SPEC_I386, err, sizeof(err)), 0);
    ck_assert_int_eq(list.items[1].ordinal, 2);
    spec_list_free(&list);
}
END_TEST

START_TEST(ordinals_per_arch)
{
    struct spec_list list;
    char report[256];
    const char *text = "1 stdcall a()\n@ stdcall -arch=win64 only64()\n@ stdcall both()\n"
                       "5 stdcall -arch=win32 s(long long)\n5 stdcall -arch=win64 s(ptr)\n";

    ck_assert_int_eq(parse_text(text, &list, report, sizeof(report)), 0);
    ck_assert_int_eq(spec_assign_ordinals(&list, SPEC_X86_64, err, sizeof(err)), 0);
    ck_assert_int_eq(spec_find_name(&list, SPEC_X86_64, "only64")->ordinal, 2);
    ck_assert_int_eq(spec_find_name(&list, SPEC_X86_64, "both")->ordinal, 3);
    ck_assert_int_eq(spec_find_name(&list, SPEC_X86_64, "s")->nargs, 1);
    spec_list_free(&list);

    ck_assert_int_eq(parse_text(text, &list, report, sizeof(report)), 0);
    ck_assert_int_eq(spec_assign_ordinals(&list, SPEC_I386, err, sizeof(err)), 0);
    ck_assert_ptr_null(spec_find_name(&list, SPEC_I386, "only64"));
    ck_assert_int_eq(spec_find_name(&list, SPEC_I386, "both")->ordinal, 2);
    ck_assert_int_eq(spec_find_name(&list, SPEC_I386, "s")->nargs, 2);
    spec_list_free(&list);
}
END_TEST

START_TEST(duplicates_rejected)
{
    struct spec_list list;
    char report[256];

    ck_assert_int_eq(parse_text("1 stdcall a()\n1 stdcall b()\n", &list, report, sizeof(report)), 0);
    ck_assert_int_eq(spec_assign_ordinals(&list, SPEC_X86_64, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "ordinal 1"));
    spec_list_free(&list);
    ck_assert_int_eq(parse_text("1 stdcall a()\n@ stdcall a()\n", &list, report, sizeof(report)), 0);
    ck_assert_int_eq(spec_assign_ordinals(&list, SPEC_X86_64, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "'a'"));
    spec_list_free(&list);
}
END_TEST

START_TEST(arch_names)
{
    ck_assert_int_eq(spec_arch_from_name("win64"), SPEC_X86_64);
    ck_assert_int_eq(spec_arch_from_name("x86_64"), SPEC_X86_64);
    ck_assert_int_eq(spec_arch_from_name("win32"), SPEC_I386);
    ck_assert_int_eq(spec_arch_from_name("i686"), SPEC_I386);
    ck_assert_int_eq(spec_arch_from_name("mips"), -1);
}
END_TEST

START_TEST(dump_rows)
{
    struct dump_export row;

    ck_assert_int_eq(spec_parse_dump_line("  0000D2D0     1 accept\n", &row), 1);
    ck_assert_int_eq(row.ordinal, 1);
    ck_assert_str_eq(row.name, "accept");
    ck_assert_str_eq(row.forward, "");
    ck_assert_int_eq(spec_parse_dump_line("  00021350    86 WSAResetEvent (-> kernel32.ResetEvent)\n", &row), 1);
    ck_assert_int_eq(row.ordinal, 86);
    ck_assert_str_eq(row.name, "WSAResetEvent");
    ck_assert_str_eq(row.forward, "kernel32.ResetEvent");
    ck_assert_int_eq(spec_parse_dump_line("  00001000     7 <by ordinal>\n", &row), 1);
    ck_assert_int_eq(row.ordinal, 7);
    ck_assert_int_eq(spec_parse_dump_line("  Entry Pt  Ordn  Name\n", &row), 0);
    ck_assert_int_eq(spec_parse_dump_line("  Ordinal base:    1\n", &row), 0);
    ck_assert_int_eq(spec_parse_dump_line("Addresses of functions: 00020028\n", &row), 0);
    ck_assert_int_eq(spec_parse_dump_line("Done dumping x.dll\n", &row), 0);
    ck_assert_int_eq(spec_parse_dump_line("\n", &row), 0);
}
END_TEST

/* spec_compare on a small spec; returns its problem count, the report in report. */
static int compare(const struct dump_export *dump, size_t n, int exact, char *report, size_t size)
{
    struct spec_list list;
    FILE *out = tmpfile();
    int problems;
    size_t len;

    ck_assert_int_eq(parse_text("1 stdcall a()\n2 stdcall b(ptr) kernel32.B\n@ stdcall mine()\n",
                                &list, report, size), 0);
    ck_assert_int_eq(spec_assign_ordinals(&list, SPEC_X86_64, err, sizeof(err)), 0);
    problems = spec_compare(&list, SPEC_X86_64, dump, n, exact, out);
    rewind(out);
    len = fread(report, 1, size - 1, out);
    report[len] = 0;
    fclose(out);
    spec_list_free(&list);
    return problems;
}

START_TEST(compare_with_dump)
{
    struct dump_export good[] = { { 1, "a", "" }, { 2, "b", "kernel32.B" } };
    struct dump_export bad[] = { { 1, "a", "" }, { 5, "b", "" }, { 9, "gone", "" } };
    struct dump_export exact[] = { { 1, "a", "" }, { 2, "b", "" }, { 3, "mine", "" } };
    char report[512];

    ck_assert_int_eq(compare(good, 2, 0, report, sizeof(report)), 0);
    ck_assert_int_eq(compare(bad, 3, 0, report, sizeof(report)), 2);
    ck_assert_ptr_nonnull(strstr(report, "ordinal: b is 5"));
    ck_assert_ptr_nonnull(strstr(report, "missing: gone"));
    /* exact: "mine" must be in the dump, and forwards must agree */
    ck_assert_int_eq(compare(good, 2, 1, report, sizeof(report)), 1);
    ck_assert_ptr_nonnull(strstr(report, "not in the dump: mine"));
    ck_assert_int_eq(compare(exact, 3, 1, report, sizeof(report)), 1);
    ck_assert_ptr_nonnull(strstr(report, "forward: b"));
    strcpy(exact[1].forward, "kernel32.B");
    ck_assert_int_eq(compare(exact, 3, 1, report, sizeof(report)), 0);
}
END_TEST

static struct not_yet_stub stubs[16];

START_TEST(not_yet_markers)
{
    static const char text[] =
        "/* NOT_YET(int, in_comment, (void), 0) */\n"
        "#define NOT_YET_ERROR WSAEOPNOTSUPP\n"
        "#define NOT_YET(type, name, params, failure) \\\n"
        "    type WINAPI name params { return failure; }\n"
        "NOT_YET(SOCKET, accept, (SOCKET s, struct sockaddr *addr, int *len), INVALID_SOCKET)\n"
        "// NOT_YET(int, line_comment, (void), 0)\n"
        "NOT_YET(int, multi,\n"
        "        (void (*cb)(int, int), int x), SOCKET_ERROR)\n"
        "NOT_YET_ERRNO(int, WSCEnumProtocols, (int *p, void *b, DWORD *l, int *error), error, SOCKET_ERROR)\n"
        "#ifdef _WIN64\n"
        "NOT_YET_CODE(int, WSCWriteProviderOrder32, (DWORD *ids, DWORD count))\n"
        "#else\n"
        "NOT_YET_VOID(s_perror, (const char *message))\n"
        "#endif\n"
        "NOT_YET(BOOL, WSAIsBlocking, (void), FALSE)\n";
    int n = not_yet_parse(text, stubs, 16, err, sizeof(err));

    ck_assert_msg(n == 6, "%d stubs (%s)", n, err);
    ck_assert_str_eq(stubs[0].function, "accept");
    ck_assert_int_eq(stubs[0].line, 5);
    ck_assert_int_eq(stubs[0].nparams, 3);
    ck_assert_str_eq(stubs[0].returns, "INVALID_SOCKET; WSAGetLastError() = WSAEOPNOTSUPP");
    ck_assert_str_eq(stubs[0].condition, "");
    ck_assert_str_eq(stubs[1].function, "multi");
    ck_assert_int_eq(stubs[1].line, 7);
    ck_assert_int_eq(stubs[1].nparams, 2);
    ck_assert_int_eq(stubs[2].line, 9);
    ck_assert_str_eq(stubs[2].returns, "SOCKET_ERROR; *error = WSAEOPNOTSUPP");
    ck_assert_int_eq(stubs[2].nparams, 4);
    ck_assert_str_eq(stubs[3].function, "WSCWriteProviderOrder32");
    ck_assert_str_eq(stubs[3].returns, "WSAEOPNOTSUPP (the return value)");
    ck_assert_str_eq(stubs[3].condition, "defined(_WIN64)");
    ck_assert_str_eq(stubs[4].function, "s_perror");
    ck_assert_str_eq(stubs[4].returns, "nothing (void)");
    ck_assert_str_eq(stubs[4].condition, "!(defined(_WIN64))");
    ck_assert_int_eq(stubs[5].nparams, 0);
    ck_assert_str_eq(stubs[5].condition, "");
    ck_assert_int_eq(stubs[5].line, 15);
}
END_TEST

START_TEST(not_yet_limits_and_errors)
{
    ck_assert_int_eq(not_yet_parse("NOT_YET(int, a, (void), 0)\nNOT_YET(int, b, (void), 0)\n", stubs, 1,
                                   err, sizeof(err)), 1);
    ck_assert_str_eq(stubs[0].function, "a");
    /* without NOT_YET_ERROR the text says "the error" */
    ck_assert_int_eq(not_yet_parse("NOT_YET(int, a, (void), 0)\n", stubs, 16, err, sizeof(err)), 1);
    ck_assert_str_eq(stubs[0].returns, "0; WSAGetLastError() = the error");
    ck_assert_int_eq(not_yet_parse("NOT_YET(int, a, (void))\n", stubs, 16, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "line 1"));
    ck_assert_int_eq(not_yet_parse("\nNOT_YET_MAYBE(int, a, (void), 0)\n", stubs, 16, err, sizeof(err)), -1);
    ck_assert_ptr_nonnull(strstr(err, "line 2"));
    ck_assert_int_eq(not_yet_parse("NOT_YET(int, a, (void), 0\n", stubs, 16, err, sizeof(err)), -1);
    ck_assert_int_eq(not_yet_parse("NOT_YET(int, 1a, (void), 0)\n", stubs, 16, err, sizeof(err)), -1);
    ck_assert_int_eq(not_yet_parse("int x = NOT_YET_COUNT;\n", stubs, 16, err, sizeof(err)), 0);
}
END_TEST

static Suite *spectool_suite(void)
{
    Suite *suite = suite_create("spectool");
    TCase *lines = tcase_create("spec lines"), *lists = tcase_create("spec lists");
    TCase *dumps = tcase_create("winedump"), *stubs_case = tcase_create("not_yet");

    tcase_add_test(lines, explicit_ordinal_and_args);
    tcase_add_test(lines, at_ordinal);
    tcase_add_test(lines, forwarders);
    tcase_add_test(lines, stub_and_extern_lines);
    tcase_add_test(lines, comments_and_blank_lines);
    tcase_add_test(lines, flags);
    tcase_add_test(lines, malformed_lines);
    tcase_add_test(lines, stack_bytes);
    tcase_add_test(lists, stream_reports_lines);
    tcase_add_test(lists, ordinal_assignment);
    tcase_add_test(lists, ordinals_per_arch);
    tcase_add_test(lists, duplicates_rejected);
    tcase_add_test(lists, arch_names);
    tcase_add_test(dumps, dump_rows);
    tcase_add_test(dumps, compare_with_dump);
    tcase_add_test(stubs_case, not_yet_markers);
    tcase_add_test(stubs_case, not_yet_limits_and_errors);
    suite_add_tcase(suite, lines);
    suite_add_tcase(suite, lists);
    suite_add_tcase(suite, dumps);
    suite_add_tcase(suite, stubs_case);
    return suite;
}

int main(void)
{
    return run_suite(spectool_suite());
}
