/* Included (by tools/wine-suite's generated list header) just before a test source's
 * START_TEST body: every test function called there runs only when it is the one named by
 * the program's second argument ("sock.exe sock test_iocp"), or when none is named. */
#ifndef WINE_SUITE_SELECT_H
#define WINE_SUITE_SELECT_H

#include <string.h>

static int wine_suite_selected(const char *name)
{
    char **argv;
    int argc = winetest_get_mainargs(&argv);

    return argc < 3 || !strcmp(argv[2], name);
}

#define WINE_SUITE_RUN(name, ...) \
    do { if (wine_suite_selected(#name)) name(__VA_ARGS__); } while (0)

#endif
