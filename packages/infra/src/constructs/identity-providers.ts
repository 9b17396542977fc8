import { CognitoIdentityProvider } from "@cdktf/provider-aws/lib/cognito-identity-provider";
import { DataAwsSsmParameter } from "@cdktf/provider-aws/lib/data-aws-ssm-parameter";
import type { Construct } from "constructs";
import type { SecretRef } from "../config";
import type { AuthProps } from "./auth";
import { attributeMappings, ignoredDetails } from "./auth-settings";

function secret(scope: Construct, id: string, ref: SecretRef, resolve: AuthProps["resolveSecret"]): string {
  const resolved = resolve(ref);
  if (resolved.kind === "value") return resolved.value;
  return new DataAwsSsmParameter(scope, `secret-${id}`, { name: resolved.name, withDecryption: true }).value;
}

/**
 * The identity providers the stage names (Google, Facebook, Apple, enterprise OIDC and SAML),
 * their secrets read from the environment or from SSM at plan time.
 */
export function createIdentityProviders(
  scope: Construct,
  poolId: string,
  { config, resolveSecret }: AuthProps,
): CognitoIdentityProvider[] {
  const idps = config.identityProviders;
  const created: CognitoIdentityProvider[] = [];

  if (idps.google) {
    created.push(
      new CognitoIdentityProvider(scope, "idp-google", {
        userPoolId: poolId,
        providerName: "Google",
        providerType: "Google",
        providerDetails: {
          client_id: idps.google.clientId,
          client_secret: secret(scope, "google", idps.google.clientSecret, resolveSecret),
          authorize_scopes: "openid email profile",
        },
        attributeMapping: { ...attributeMappings.Google },
        lifecycle: { ignoreChanges: ignoredDetails("Google") },
      }),
    );
  }
  if (idps.facebook) {
    created.push(
      new CognitoIdentityProvider(scope, "idp-facebook", {
        userPoolId: poolId,
        providerName: "Facebook",
        providerType: "Facebook",
        providerDetails: {
          client_id: idps.facebook.clientId,
          client_secret: secret(scope, "facebook", idps.facebook.clientSecret, resolveSecret),
          authorize_scopes: "public_profile,email",
          api_version: idps.facebook.apiVersion,
        },
        attributeMapping: { ...attributeMappings.Facebook },
        lifecycle: { ignoreChanges: ignoredDetails("Facebook") },
      }),
    );
  }
  if (idps.apple) {
    created.push(
      new CognitoIdentityProvider(scope, "idp-apple", {
        userPoolId: poolId,
        providerName: "SignInWithApple",
        providerType: "SignInWithApple",
        providerDetails: {
          client_id: idps.apple.servicesId,
          team_id: idps.apple.teamId,
          key_id: idps.apple.keyId,
          private_key: secret(scope, "apple", idps.apple.privateKey, resolveSecret),
          authorize_scopes: "email name",
        },
        attributeMapping: { ...attributeMappings.SignInWithApple },
        lifecycle: { ignoreChanges: ignoredDetails("SignInWithApple") },
      }),
    );
  }
  if (idps.oidc) {
    created.push(
      new CognitoIdentityProvider(scope, "idp-oidc", {
        userPoolId: poolId,
        providerName: idps.oidc.name,
        providerType: "OIDC",
        providerDetails: {
          client_id: idps.oidc.clientId,
          client_secret: secret(scope, "oidc", idps.oidc.clientSecret, resolveSecret),
          oidc_issuer: idps.oidc.issuer,
          attributes_request_method: "GET",
          authorize_scopes: "openid email profile",
        },
        attributeMapping: { ...attributeMappings.OIDC },
        lifecycle: { ignoreChanges: ignoredDetails("OIDC") },
      }),
    );
  }
  if (idps.saml) {
    created.push(
      new CognitoIdentityProvider(scope, "idp-saml", {
        userPoolId: poolId,
        providerName: idps.saml.name,
        providerType: "SAML",
        providerDetails: { MetadataURL: idps.saml.metadataUrl },
        attributeMapping: { ...attributeMappings.SAML },
        lifecycle: { ignoreChanges: ignoredDetails("SAML") },
      }),
    );
  }
  return created;
}
