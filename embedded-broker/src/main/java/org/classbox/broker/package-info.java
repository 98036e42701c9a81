package org.classbox.broker;
