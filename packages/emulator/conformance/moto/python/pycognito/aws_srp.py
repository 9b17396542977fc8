"""Cognito's SRP-6a client side: SRP_A, the password claim and the secret hash."""

import base64
import datetime
import hashlib
import hmac
import os
import re

N_HEX = "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF"
G_HEX = "2"
INFO_BITS = bytearray("Caldera Derived Key", "utf-8")


def hash_sha256(buf):
    return hashlib.sha256(buf).hexdigest().rjust(64, "0")


def hex_hash(hex_string):
    return hash_sha256(bytearray.fromhex(hex_string))


def hex_to_long(hex_string):
    return int(hex_string, 16)


def long_to_hex(long_num):
    return "%x" % long_num


def pad_hex(value):
    hex_string = long_to_hex(value) if isinstance(value, int) else value
    if len(hex_string) % 2 == 1:
        return "0" + hex_string
    if hex_string[0] in "89ABCDEFabcdef":
        return "00" + hex_string
    return hex_string


def compute_hkdf(ikm, salt):
    prk = hmac.new(salt, ikm, hashlib.sha256).digest()
    info = INFO_BITS + bytearray(chr(1), "utf-8")
    return hmac.new(prk, info, hashlib.sha256).digest()[:16]


class AWSSRP:
    def __init__(self, username, password, pool_id, client_id, pool_region=None, client=None,
                 client_secret=None):
        self.username = username
        self.password = password
        self.pool_id = pool_id
        self.client_id = client_id
        self.client = client
        self.client_secret = client_secret
        self.big_n = hex_to_long(N_HEX)
        self.g = hex_to_long(G_HEX)
        self.k = hex_to_long(hex_hash("00" + N_HEX + "0" + G_HEX))
        self.small_a_value = hex_to_long(os.urandom(128).hex()) % self.big_n
        self.large_a_value = pow(self.g, self.small_a_value, self.big_n)
        if self.large_a_value % self.big_n == 0:
            raise ValueError("Safety check for A failed")

    @staticmethod
    def get_secret_hash(username, client_id, client_secret):
        message = bytearray(username + client_id, "utf-8")
        digest = hmac.new(bytearray(client_secret, "utf-8"), message, hashlib.sha256).digest()
        return base64.standard_b64encode(digest).decode("utf-8")

    def get_auth_params(self):
        params = {"USERNAME": self.username, "SRP_A": long_to_hex(self.large_a_value)}
        if self.client_secret is not None:
            params["SECRET_HASH"] = self.get_secret_hash(self.username, self.client_id, self.client_secret)
        return params

    def get_password_authentication_key(self, username, password, server_b_value, salt):
        u_value = hex_to_long(hex_hash(pad_hex(self.large_a_value) + pad_hex(server_b_value)))
        if u_value == 0:
            raise ValueError("U cannot be zero.")
        username_password = f"{self.pool_id.split('_')[1]}{username}:{password}"
        username_password_hash = hash_sha256(username_password.encode("utf-8"))
        x_value = hex_to_long(hex_hash(pad_hex(salt) + username_password_hash))
        g_mod_pow_xn = pow(self.g, x_value, self.big_n)
        int_value2 = server_b_value - self.k * g_mod_pow_xn
        s_value = pow(int_value2, self.small_a_value + u_value * x_value, self.big_n)
        return compute_hkdf(bytearray.fromhex(pad_hex(s_value)), bytearray.fromhex(pad_hex(long_to_hex(u_value))))

    def process_challenge(self, challenge_parameters, request_parameters=None):
        internal_username = challenge_parameters["USERNAME"]
        user_id_for_srp = challenge_parameters["USER_ID_FOR_SRP"]
        salt_hex = challenge_parameters["SALT"]
        srp_b_hex = challenge_parameters["SRP_B"]
        secret_block_b64 = challenge_parameters["SECRET_BLOCK"]
        now = datetime.datetime.now(datetime.timezone.utc)
        timestamp = re.sub(r" 0(\d) ", r" \1 ", now.strftime("%a %b %d %H:%M:%S UTC %Y"))
        hkdf = self.get_password_authentication_key(
            user_id_for_srp, self.password, hex_to_long(srp_b_hex), salt_hex
        )
        msg = (
            bytearray(self.pool_id.split("_")[1], "utf-8")
            + bytearray(user_id_for_srp, "utf-8")
            + bytearray(base64.standard_b64decode(secret_block_b64))
            + bytearray(timestamp, "utf-8")
        )
        signature = base64.standard_b64encode(hmac.new(hkdf, msg, hashlib.sha256).digest()).decode("utf-8")
        response = {
            "TIMESTAMP": timestamp,
            "USERNAME": internal_username,
            "PASSWORD_CLAIM_SECRET_BLOCK": secret_block_b64,
            "PASSWORD_CLAIM_SIGNATURE": signature,
        }
        if self.client_secret is not None:
            response["SECRET_HASH"] = self.get_secret_hash(internal_username, self.client_id, self.client_secret)
        return response
