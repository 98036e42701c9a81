package org.classbox.drivers.terminal.snmp;

import org.classbox.drivers.api.DeviceException;
import org.snmp4j.PDU;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/** Turns the varbinds of a GetResponse into our values, or a PROTOCOL error naming the device and the OID. */
final class SnmpValues {
    private SnmpValues() {
    }

    /** The variable bound to {@code oid} in {@code response}; an error when missing or noSuchObject/Instance. */
    static Variable find(String device, PDU response, String oid) {
        if (response.getErrorStatus() != PDU.noError) {
            throw protocol(device, "GetResponse error " + response.getErrorStatusText() + " at index "
                    + response.getErrorIndex());
        }
        OID wanted = new OID(oid);
        for (VariableBinding binding : response.getVariableBindings()) {
            if (binding.getOid().equals(wanted)) {
                Variable variable = binding.getVariable();
                if (variable.isException()) {
                    throw protocol(device, oid + " is " + variable + " (check the oid.* keys)");
                }
                return variable;
            }
        }
        throw protocol(device, "GetResponse has no value for " + oid);
    }

    static long integer(String device, String oid, Variable variable) {
        if (variable instanceof Integer32 || variable instanceof UnsignedInteger32
                || variable instanceof Counter64) {
            return variable.toLong();
        }
        throw protocol(device, oid + " must be an integer, but was " + variable.getSyntaxString() + " " + variable);
    }

    static String text(String device, String oid, Variable variable) {
        if (variable instanceof OctetString octets) {
            return octets.isPrintable() ? octets.toString() : octets.toHexString();
        }
        throw protocol(device, oid + " must be an OCTET STRING, but was " + variable.getSyntaxString());
    }

    static DeviceException protocol(String device, String what) {
        return new DeviceException(DeviceException.Kind.PROTOCOL, device, what);
    }
}
