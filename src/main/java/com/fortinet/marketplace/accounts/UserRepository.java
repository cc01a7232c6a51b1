package com.fortinet.marketplace.accounts;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

public interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByEmailIgnoreCase(String email);

    boolean existsByEmailIgnoreCase(String email);

    List<User> findByAccountIdAndEnabledTrue(Long accountId);

    @Query("""
            select u from User u
            where (:q = '' or lower(u.email) like lower(concat('%', :q, '%')) or lower(u.displayName) like lower(concat('%', :q, '%')))
            """)
    Page<User> search(@Param("q") String query, Pageable pageable);
}
