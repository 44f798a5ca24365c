/**
 * The start page, one per role.
 */
package cn.qinglang.inspect.home;
