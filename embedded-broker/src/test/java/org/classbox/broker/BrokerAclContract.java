package org.classbox.broker;

import org.junit.jupiter.api.Test;

/**
 * The TLS, hostname and ACL checks every broker we support must pass; a test class per broker implements this and
 * hands over its {@link AclScenarios}.
 */
interface BrokerAclContract {
    AclScenarios scenarios();

    @Test
    default void a_box_publishes_its_own_data_and_the_console_receives_it() throws Exception {
        scenarios().a_box_publishes_its_own_data_and_the_console_receives_it();
    }

    @Test
    default void a_broker_certificate_for_another_name_is_refused() {
        scenarios().a_broker_certificate_for_another_name_is_refused();
    }

    @Test
    default void clients_without_a_certificate_from_the_ca_are_refused() {
        scenarios().clients_without_a_certificate_from_the_ca_are_refused();
    }

    @Test
    default void a_revoked_box_cannot_connect() throws Exception {
        scenarios().a_revoked_box_cannot_connect();
    }

    @Test
    default void box_a_cannot_publish_as_box_b() throws Exception {
        scenarios().box_a_cannot_publish_as_box_b();
    }

    @Test
    default void box_a_can_neither_send_commands_nor_read_box_b_commands() throws Exception {
        scenarios().box_a_can_neither_send_commands_nor_read_box_b_commands();
    }

    @Test
    default void box_cannot_subscribe_to_another_boxes_schedule() throws Exception {
        scenarios().box_cannot_subscribe_to_another_boxes_schedule();
    }
}
