/**
 * The checker on the command line: {@code java -jar label-checker.jar} and
 * {@code java -jar qinglang-inspect.jar check}, with reports written as the files finish
 * (a table, JSON of the documented schema, SARIF or JUnit XML).
 */
package cn.qinglang.labelcheck.cli;
