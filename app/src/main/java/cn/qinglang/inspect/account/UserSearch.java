package cn.qinglang.inspect.account;

import cn.qinglang.inspect.security.Role;

/**
 * Filters of the account list.
 *
 * @param q part of the user name or display name
 * @param role role
 * @param page page number from 1
 */
record UserSearch(String q, Role role, Integer page) {
}
