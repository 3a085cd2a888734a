/* The main() every Check program here shares: run one suite, its failures become the exit status. */
#ifndef MSGSOCK_RUN_SUITE_H
#define MSGSOCK_RUN_SUITE_H

#include <stdlib.h>
#include <check.h>

static inline int run_suite(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    int failed;

    srunner_run_all(runner, CK_NORMAL);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
